package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.reporting.ReportSource;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/**
 * What the laureates promised and achieved, by programme, territory and indicator, over the requests APPROVED,
 * CONTRACTED or CLOSED (CONTRACTED or CLOSED for the public pages): the sum of the targets declared, the sum of each request's latest actual (empty while none is
 * reported), in the indicator's unit.
 */
@ApplicationScoped
public class ImpactSource implements ReportSource {

    private static final String QUERY = """
            with indicators as (
                select t.request_id, t.code, t.target
                from request_impact_target t
                union all
                select distinct a.request_id, a.code, cast(null as numeric)
                from impact_actual a
                where not exists (select 1 from request_impact_target t
                                  where t.request_id = a.request_id and t.code = a.code))
            select g.code, r.territory, i.code, coalesce(pi.unit, ''), sum(i.target), sum(latest.value), g.name,
                   coalesce(pi.label, i.code),
                   count(*) over ()
            from indicators i
            join funding_request r on r.id = i.request_id
            join programme g on g.id = r.programme_id
            left join programme_indicator pi on pi.programme_id = g.id and pi.code = i.code
            left join lateral (select a.value from impact_actual a
                               where a.request_id = i.request_id and a.code = i.code
                               order by a.reported_at desc, a.id desc
                               limit 1) latest on true
            where (r.status in ('CONTRACTED', 'CLOSED') or (?4 = false and r.status = 'APPROVED'))
              and (?1 = '' or r.territory = ?1)
              and (?2 = '' or g.code = ?2)
              and (?3 = 0 or exists (select 1 from plan_line f where f.request_id = r.id and f.envelope_id is not null
                                     and f.organisation_id = ?3))
            group by g.code, g.name, r.territory, i.code, pi.unit, pi.label, pi.position
            order by g.code, r.territory, pi.position, i.code
            """;

    static final String PROGRAMME_NAME = "programmeName";
    static final String INDICATOR_LABEL = "indicatorLabel";

    @PersistenceContext
    private EntityManager em;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.IMPACT;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        return rows(filters, scope, false);
    }

    /**
     * The same rows, of the signed projects only when {@code signedOnly} (the public pages), each with the
     * programme's name and the indicator's label besides the report's columns.
     */
    ReportRows rows(ReportFilters filters, ReportScope scope, boolean signedOnly) {
        List<String> columns = new ArrayList<>(definition().columns());
        columns.addAll(List.of(PROGRAMME_NAME, INDICATOR_LABEL));
        return Rows.of(em.createNativeQuery(QUERY)
                .setParameter(1, filters.territory() == null ? "" : filters.territory())
                .setParameter(2, filters.programmeFilter())
                .setParameter(3, scope.organisationFilter())
                .setParameter(4, signedOnly), columns, row -> {
                    // quantities are kept to four places; the reports write them without the zeros that add nothing
                    row.computeIfPresent("target", (column, value) -> ((BigDecimal) value).stripTrailingZeros());
                    row.computeIfPresent("actual", (column, value) -> ((BigDecimal) value).stripTrailingZeros());
                });
    }
}
