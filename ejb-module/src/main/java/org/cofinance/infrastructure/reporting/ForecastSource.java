package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cofinance.application.ledger.Forecasts;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.reporting.ReportSource;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/**
 * The forecast report: the lines of {@link Forecasts} within the caller's scope and filters, a period keeping the
 * years it touches.
 */
@ApplicationScoped
public class ForecastSource implements ReportSource {

    private final Forecasts forecasts;

    @Inject
    public ForecastSource(Forecasts forecasts) {
        this.forecasts = forecasts;
    }

    /** For the container's proxies only. */
    protected ForecastSource() {
        this(null);
    }

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.FORECAST;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        int first = filters.from() == null ? Integer.MIN_VALUE : filters.from().getYear();
        int last = filters.to() == null ? Integer.MAX_VALUE : filters.to().getYear();
        List<Map<String, Object>> rows = forecasts.lines(new Forecasts.Criteria(filters.envelopeCode(),
                        filters.funderId(), scope.organisationFilter(), filters.territory())).stream()
                .filter(l -> l.year() >= first && l.year() <= last).map(ForecastSource::row).toList();
        return ReportRows.of(rows);
    }

    private static Map<String, Object> row(Forecasts.Line line) {
        Map<String, Object> row = new HashMap<>();
        row.put("year", line.year());
        row.put("envelope", line.envelope());
        row.put("funder", line.funder());
        row.put("scheduled", line.scheduled().toBigDecimal());
        row.put("paid", line.paid().toBigDecimal());
        row.put("paymentCredits", line.paymentCredits() == null ? null : line.paymentCredits().toBigDecimal());
        return row;
    }
}
