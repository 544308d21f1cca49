package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SqlLeverage.Total total : leverage.totals(filters, scope, m -> List.of(m.programme(), m.territory()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("programme", total.group().get(0));
            row.put("territory", total.group().get(1));
            row.put("public", total.publicMoney());
            row.put("private", total.privateMoney());
            row.put("leverage", total.leverage());
            rows.add(row);
        }
        return ReportRows.of(rows);
    }
}
