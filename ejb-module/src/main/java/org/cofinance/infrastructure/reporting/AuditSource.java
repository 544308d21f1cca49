package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.reporting.ReportSource;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/**
 * Every ledger movement, every funder's decision, every amendment filed (one row per funder's change) and decided (one
 * row per answer), who and when (UTC), oldest first; for an administrator, every
 * act on a user's access too (the user in {@code reference}, the administrator as author).
 */
@ApplicationScoped
public class AuditSource implements ReportSource {

    private static final String QUERY = """
            select to_char(a.at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), a.event, a.reference, a.envelope,
                   a.organisation, a.amount, a.author, a.detail,
                   count(*) over ()
            from (
                select l.at, l.id as seq, 0 as source, l.kind as event, r.reference, e.code as envelope,
                       o.name as organisation, l.amount, l.author, l.reason as detail, r.territory,
                       r.programme_id
                from ledger_entry l
                join envelope e on e.id = l.envelope_id and (?6 = 0 or e.owner_organisation_id = ?6)
                left join funding_request r on r.id = l.request_id
                left join commitment c on c.id = l.commitment_id
                left join organisation o on o.id = c.organisation_id
                union all
                select d.decided_at, d.id, 1, 'DECISION ' || d.outcome, r.reference, null, o.name, d.amount,
                       d.author, d.comment, r.territory, r.programme_id
                from decision d
                join funding_request r on r.id = d.request_id
                join organisation o on o.id = d.organisation_id
                where ?6 = 0 or exists (select 1 from plan_line f where f.request_id = r.id
                                        and f.envelope_id is not null and f.organisation_id = ?6)
                union all
                select m.filed_at, ch.id, 3, 'AMENDMENT_FILED', r.reference, e.code, o.name, ch.amount_after,
                       m.filed_by, m.reason || ' (' || ch.amount_before || ' -> ' || ch.amount_after || ')',
                       r.territory, r.programme_id
                from amendment m
                join amendment_change ch on ch.amendment_id = m.id and ch.commitment_id is not null
                join funding_request r on r.id = m.request_id
                join plan_line pl on pl.id = ch.plan_line_id
                left join envelope e on e.id = pl.envelope_id
                join organisation o on o.id = ch.organisation_id
                where ?6 = 0 or exists (select 1 from plan_line f where f.request_id = r.id
                                        and f.envelope_id is not null and f.organisation_id = ?6)
                union all
                select d.decided_at, d.id, 4, 'AMENDMENT_DECIDED', r.reference, null, o.name, null, d.author,
                       d.outcome || coalesce(' · ' || d.level, '') || coalesce(' · ' || d.comment, ''), r.territory,
                       r.programme_id
                from amendment_decision d
                join amendment m on m.id = d.amendment_id
                join funding_request r on r.id = m.request_id
                join organisation o on o.id = d.organisation_id
                where ?6 = 0 or exists (select 1 from plan_line f where f.request_id = r.id
                                        and f.envelope_id is not null and f.organisation_id = ?6)
                union all
                select u.at, u.id, 2, u.event, u.username, null, null, null, u.author, u.detail, null, null
                from user_event u
                where ?5 = true
            ) a
            where a.at >= ?1 and a.at < ?2
              and (?3 = '' or a.territory = ?3)
              and (?4 = '' or a.envelope = ?4)
              and (?7 = '' or a.programme_id = (select g.id from programme g where g.code = ?7))
            order by a.at, a.source, a.seq
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.AUDIT;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        return Rows.of(em.createNativeQuery(QUERY)
                .setParameter(1, Rows.startOf(filters.from()))
                .setParameter(2, Rows.endOf(filters.to()))
                .setParameter(3, filters.territory() == null ? "" : filters.territory())
                .setParameter(4, filters.envelopeCode() == null ? "" : filters.envelopeCode())
                .setParameter(5, scope.administrator())
                .setParameter(6, scope.organisationFilter())
                .setParameter(7, filters.programmeFilter()), definition().columns());
    }
}
