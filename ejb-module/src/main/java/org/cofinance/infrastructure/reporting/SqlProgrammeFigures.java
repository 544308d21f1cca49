package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cofinance.application.programme.ProgrammeFigures;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.reports.ReportRows;

/**
 * A programme's figures from the database: the envelopes and the pipeline by their own queries; leverage and impact
 * by the very definitions of the leverage and impact reports ({@link SqlLeverage}, {@link ImpactSource}), so that the
 * dashboard and the reports never disagree.
 */
@ApplicationScoped
public class SqlProgrammeFigures implements ProgrammeFigures {

    private static final String ENVELOPES = """
            select e.code, e.name, e.ceiling, sum(c.reserved), sum(c.committed), sum(c.disbursed)
            from commitment c
            join funding_request r on r.id = c.request_id
            join programme g on g.id = r.programme_id
            join envelope e on e.id = c.envelope_id
            where g.code = ?1 and c.status <> 'RELEASED'
              and (?2 = '' or r.territory = ?2)
              and (?3 = 0 or e.owner_organisation_id = ?3)
            group by e.code, e.name, e.ceiling
            order by e.code
            """;

    private static final String PIPELINE = """
            select r.status, count(*), sum(r.eligible_cost)
            from funding_request r
            join programme g on g.id = r.programme_id
            where g.code = ?1
              and (?2 = '' or r.territory = ?2)
              and (?3 = 0 or exists (select 1 from plan_line f where f.request_id = r.id and f.envelope_id is not null
                                     and f.organisation_id = ?3))
            group by r.status
            """;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SqlLeverage leverage;

    @Inject
    private ImpactSource impact;

    @Override
    public List<EnvelopeUse> envelopes(String programme, String territory, ReportScope scope) {
        return rows(ENVELOPES, programme, territory, scope).stream().map(r -> new EnvelopeUse((String) r[0],
                (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5])).toList();
    }

    @Override
    public List<Stage> pipeline(String programme, String territory, ReportScope scope) {
        return rows(PIPELINE, programme, territory, scope).stream()
                .map(r -> new Stage((String) r[0], ((Number) r[1]).longValue(), (BigDecimal) r[2]))
                .sorted(Comparator.comparing(s -> RequestStatus.valueOf(s.status()).ordinal())).toList();
    }

    @Override
    public List<TerritoryLeverage> leverage(String programme, String territory, ReportScope scope) {
        return leverage.totals(filters(programme, territory), scope, m -> List.of(m.territory())).stream()
                .map(t -> new TerritoryLeverage(t.group().get(0), t.publicMoney(), t.privateMoney(), t.leverage()))
                .toList();
    }

    @Override
    public List<IndicatorProgress> impact(String programme, String territory, ReportScope scope) {
        Map<String, IndicatorProgress> indicators = new LinkedHashMap<>();
        try (ReportRows rows = impact.rows(filters(programme, territory), scope)) {
            for (Map<String, ?> row : rows.remaining()) {
                String code = (String) row.get("indicator");
                IndicatorProgress before = indicators.get(code);
                BigDecimal target = (BigDecimal) row.get("target");
                BigDecimal actual = (BigDecimal) row.get("actual");
                indicators.put(code, before == null ? new IndicatorProgress(code, (String) row.get("unit"), target,
                        actual) : new IndicatorProgress(code, before.unit(), plus(before.target(), target),
                        plus(before.actual(), actual)));
            }
        }
        return List.copyOf(indicators.values());
    }

    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static ReportFilters filters(String programme, String territory) {
        return new ReportFilters(null, null, null, territory, null, null, programme);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String programme, String territory, ReportScope scope) {
        return em.createNativeQuery(sql).setParameter(1, programme)
                .setParameter(2, territory == null ? "" : territory)
                .setParameter(3, scope.organisationFilter()).getResultList();
    }
}
