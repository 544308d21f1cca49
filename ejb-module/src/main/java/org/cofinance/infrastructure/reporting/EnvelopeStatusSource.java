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
 * Envelope balances as they stood at the end of a day, derived from the ledger entries written until then (each
 * envelope with its sub-envelopes), so that the report equals the ledger to the cent at any date.
 */
@ApplicationScoped
public class EnvelopeStatusSource implements ReportSource {

    private static final String QUERY = LedgerQueries.BALANCES_FROM_ENTRIES + """
            select e.code, e.name, p.code, c.ceiling, m.reserved, m.committed, m.disbursed,
                   (c.ceiling - m.reserved - m.committed)::numeric(19,2),
                   count(*) over ()
            from envelope e
            join ceilings c on c.envelope_id = e.id
            join movements m on m.root_id = e.id
            left join envelope p on p.id = e.parent_id
            where (?2 = '' or e.code = ?2 or p.code = ?2)
              and (?3 = 0 or e.owner_organisation_id = ?3)
            order by coalesce(p.code, e.code), case when p.id is null then 0 else 1 end, e.code
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.ENVELOPE_STATUS;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        return Rows.of(em.createNativeQuery(QUERY)
                        .setParameter(1, Rows.endOf(filters.at()))
                        .setParameter(2, filters.envelopeCode() == null ? "" : filters.envelopeCode())
                        .setParameter(3, scope.organisationFilter()),
                definition().columns());
    }
}
