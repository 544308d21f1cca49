package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.reporting.ReportSource;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/**
 * The commitments register, by territory then funder: what each source holds for each request (reserved while the
 * committees decide, committed after), and what it paid. Voided reservations are left out. Each row says whether its
 * money is public, for the leverage ratio (private euros per public euro).
 */
@ApplicationScoped
public class CommitmentsSource implements ReportSource {

    private static final String QUERY = """
            select r.reference, r.territory, o.name, o.kind, c.instrument, e.code, c.status,
                   case when c.status = 'RESERVED' then c.reserved else c.committed end, c.disbursed,
                   count(*) over ()
            from commitment c
            join funding_request r on r.id = c.request_id
            join organisation o on o.id = c.organisation_id
            join envelope e on e.id = c.envelope_id
            left join envelope p on p.id = e.parent_id
            where c.status <> 'RELEASED'
              and (?1 = '' or r.territory = ?1)
              and (?2 = '' or e.code = ?2 or p.code = ?2)
              and (?3 = 0 or o.id = ?3)
              and (?4 = 0 or c.organisation_id = ?4)
            order by r.territory, r.reference, o.name, c.id
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.COMMITMENTS;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        return Rows.of(em.createNativeQuery(QUERY)
                        .setParameter(1, filters.territory() == null ? "" : filters.territory())
                        .setParameter(2, filters.envelopeCode() == null ? "" : filters.envelopeCode())
                        .setParameter(3, filters.funderId() == null ? 0L : filters.funderId())
                        .setParameter(4, scope.organisationFilter()), definition().columns(),
                row -> row.put("publicMoney",
                        OrganisationKind.valueOf((String) row.get("funderKind")).isPublicMoney()));
    }
}
