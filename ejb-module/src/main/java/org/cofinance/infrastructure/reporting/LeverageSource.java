package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.reporting.ReportSource;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/** The leverage effect by programme and territory, as {@link SqlLeverage} defines it. */
@ApplicationScoped
public class LeverageSource implements ReportSource {

    @Inject
    private SqlLeverage leverage;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.LEVERAGE;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        Map<List<String>, BigDecimal[]> sums = new LinkedHashMap<>();
        for (SqlLeverage.RequestMoney money : leverage.byRequest(filters, scope)) {
            BigDecimal[] sum = sums.computeIfAbsent(List.of(money.programme(), money.territory()),
                    k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
            sum[0] = sum[0].add(money.publicMoney());
            sum[1] = sum[1].add(money.privateMoney());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        sums.forEach((key, sum) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("programme", key.get(0));
            row.put("territory", key.get(1));
            row.put("public", sum[0]);
            row.put("private", sum[1]);
            row.put("leverage", SqlLeverage.leverage(sum[0], sum[1]));
            rows.add(row);
        });
        return ReportRows.of(rows);
    }
}
