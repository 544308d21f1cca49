package org.cofinance.application.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import org.cofinance.reports.ReportDefinition;

/**
 * Envelope balances as they stood at the end of a day, derived from the ledger entries written until then (each
 * envelope with its sub-envelopes), so that the report equals the ledger to the cent at any date.
 */
@ApplicationScoped
public class EnvelopeStatusSource implements ReportSource {

    private static final String QUERY = """
            with recursive subtree (root_id, id) as (
                select id, id from envelope
                union all
                select s.root_id, e.id from subtree s join envelope e on e.parent_id = s.id
            ), movements as (
                select s.root_id,
                       coalesce(sum(case l.kind when 'RESERVE' then l.amount when 'POST' then -l.amount
                                                when 'VOID' then -l.amount else 0 end), 0) as reserved,
                       coalesce(sum(case l.kind when 'POST' then l.amount when 'RELEASE' then -l.amount
                                                else 0 end), 0) as committed,
                       coalesce(sum(case l.kind when 'DISBURSE' then l.amount else 0 end), 0) as disbursed
                from subtree s left join ledger_entry l on l.envelope_id = s.id and l.at < ?1
                group by s.root_id
            ), ceilings as (
                select distinct on (envelope_id) envelope_id, amount as ceiling
                from ledger_entry where kind = 'AMEND' and at < ?1 order by envelope_id, id desc
            )
            select e.code, e.name, p.code, c.ceiling, m.reserved::numeric(19,2), m.committed::numeric(19,2),
                   m.disbursed::numeric(19,2), (c.ceiling - m.reserved - m.committed)::numeric(19,2)
            from envelope e
            join ceilings c on c.envelope_id = e.id
            join movements m on m.root_id = e.id
            left join envelope p on p.id = e.parent_id
            where (?2 = '' or e.code = ?2 or p.code = ?2)
            order by coalesce(p.code, e.code), case when p.id is null then 0 else 1 end, e.code
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.ENVELOPE_STATUS;
    }

    @Override
    public List<Map<String, ?>> rows(ReportFilters filters) {
        return Rows.of(em.createNativeQuery(QUERY)
                        .setParameter(1, Rows.endOf(filters.at()))
                        .setParameter(2, filters.envelopeCode() == null ? "" : filters.envelopeCode()),
                definition().columns());
    }
}
