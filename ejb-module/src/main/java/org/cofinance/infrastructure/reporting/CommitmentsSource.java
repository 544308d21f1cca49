package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.reporting.ReportSource;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/**
 * The commitments register, by territory then funder: what each source holds for each request (reserved while the
 * committees decide, committed after), and what it paid. Voided reservations are left out. The first row of each
 * request carries its whole public and private money as {@link SqlLeverage} counts it (its coalition's own money
 * included), so that the register's leverage is the leverage report's.
 */
@ApplicationScoped
public class CommitmentsSource implements ReportSource {

    private static final String QUERY = """
            select r.reference, r.territory, o.name, o.kind, c.instrument, e.code, c.status,
                   case when c.status = 'RESERVED' then c.reserved else c.committed end, c.disbursed,
                   r.id, count(*) over ()
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
              and (?5 = '' or r.programme_id = (select g.id from programme g where g.code = ?5))
            order by r.territory, r.reference, o.name, c.id
            """;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SqlLeverage leverage;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.COMMITMENTS;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        Map<Long, SqlLeverage.RequestMoney> money = leverage.byRequest(filters, scope).stream()
                .collect(Collectors.toMap(SqlLeverage.RequestMoney::requestId, m -> m));
        Set<Long> counted = new HashSet<>();
        List<String> columns = new ArrayList<>(definition().columns());
        columns.add(REQUEST_ID);
        return Rows.of(em.createNativeQuery(QUERY)
                        .setParameter(1, filters.territory() == null ? "" : filters.territory())
                        .setParameter(2, filters.envelopeCode() == null ? "" : filters.envelopeCode())
                        .setParameter(3, filters.funderId() == null ? 0L : filters.funderId())
                        .setParameter(4, scope.organisationFilter())
                        .setParameter(5, filters.programmeFilter()), columns,
                row -> {
                    row.put("publicMoney", OrganisationKind.valueOf((String) row.get("funderKind")).isPublicMoney());
                    Long requestId = ((Number) row.remove(REQUEST_ID)).longValue();
                    SqlLeverage.RequestMoney whole = money.get(requestId);
                    if (whole != null && counted.add(requestId)) {
                        row.put("leveragePublic", whole.publicMoney());
                        row.put("leveragePrivate", whole.privateMoney());
                    }
                });
    }

    private static final String REQUEST_ID = "requestId";
}
