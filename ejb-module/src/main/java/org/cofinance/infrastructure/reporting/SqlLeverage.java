package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.domain.model.organisation.OrganisationKind;

/**
 * The one definition of the leverage effect (effet de levier), which the leverage report and the commitments report
 * both print: over the requests APPROVED, CONTRACTED or CLOSED, public money is what public organisations committed
 * plus the own money of the public leads and partners; private money the same of private ones — as the eligibility
 * rules count them ({@link OrganisationKind#isPublicMoney()}). Leverage is private euros per public euro, to two
 * decimals, none when there is no public money. The money brought is the view {@code request_contribution} (V24).
 */
@ApplicationScoped
public class SqlLeverage {

    private static final String QUERY = """
            select r.id, g.code, r.territory, o.kind, sum(x.amount)
            from request_contribution x
            join funding_request r on r.id = x.request_id
            join programme g on g.id = r.programme_id
            join organisation o on o.id = x.organisation_id
            where r.status in ('APPROVED', 'CONTRACTED', 'CLOSED')
              and (?1 = '' or r.territory = ?1)
              and (?2 = '' or g.code = ?2)
              and (?3 = 0 or exists (select 1 from plan_line f where f.request_id = r.id and f.envelope_id is not null
                                     and f.organisation_id = ?3))
            group by r.id, g.code, r.territory, o.kind
            order by g.code, r.territory, r.id
            """;

    /** What one request brings of public and private money. */
    public record RequestMoney(Long requestId, String programme, String territory, BigDecimal publicMoney,
                               BigDecimal privateMoney) {

        RequestMoney plus(boolean isPublic, BigDecimal amount) {
            return new RequestMoney(requestId, programme, territory,
                    isPublic ? publicMoney.add(amount) : publicMoney, isPublic ? privateMoney : privateMoney.add(amount));
        }
    }

    @PersistenceContext
    private EntityManager em;

    /** Each request's public and private money, by programme then territory, within the filters and the scope. */
    public List<RequestMoney> byRequest(ReportFilters filters, ReportScope scope) {
        Map<Long, RequestMoney> requests = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(QUERY)
                .setParameter(1, filters.territory() == null ? "" : filters.territory())
                .setParameter(2, filters.programmeFilter())
                .setParameter(3, scope.organisationFilter())
                .getResultList();
        for (Object[] row : rows) {
            Long id = ((Number) row[0]).longValue();
            RequestMoney money = requests.computeIfAbsent(id, k -> new RequestMoney(k, (String) row[1],
                    (String) row[2], BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
            requests.put(id, money.plus(OrganisationKind.valueOf((String) row[3]).isPublicMoney(),
                    (BigDecimal) row[4]));
        }
        return List.copyOf(requests.values());
    }

    /** The public and private money of a group of requests (a programme and territory, a territory), its leverage. */
    public record Total(List<String> group, BigDecimal publicMoney, BigDecimal privateMoney) {

        public BigDecimal leverage() {
            return SqlLeverage.leverage(publicMoney, privateMoney);
        }
    }

    /** The requests' money summed by the group {@code key} gives each, in the order the groups first come. */
    public List<Total> totals(ReportFilters filters, ReportScope scope, Function<RequestMoney, List<String>> key) {
        Map<List<String>, Total> totals = new LinkedHashMap<>();
        for (RequestMoney money : byRequest(filters, scope)) {
            totals.merge(key.apply(money), new Total(key.apply(money), money.publicMoney(), money.privateMoney()),
                    (a, b) -> new Total(a.group(), a.publicMoney().add(b.publicMoney()),
                            a.privateMoney().add(b.privateMoney())));
        }
        return List.copyOf(totals.values());
    }

    /** Private euros per public euro, to two decimals; null without public money. */
    public static BigDecimal leverage(BigDecimal publicMoney, BigDecimal privateMoney) {
        return publicMoney.signum() == 0 ? null : privateMoney.divide(publicMoney, 2, RoundingMode.HALF_UP);
    }
}
