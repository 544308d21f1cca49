package org.cofinance.interfaces.web.finance;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.ledger.EnvelopeService.ForecastYear;

/**
 * The coming years of an envelope drawn as SVG bars (no script): per year, what the signed schedules call for, what
 * was paid and the year's payment credits, side by side on one scale.
 */
public record ForecastChart(List<Bar> bars, List<Label> labels, String maximum, List<ForecastYear> years)
        implements Serializable {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 200;
    private static final int BAR = 18;

    /** One bar: which measure ({@code scheduled}, {@code paid} or {@code credits}), where, how high. */
    public record Bar(String measure, int year, double x, double y, double height, String amount)
            implements Serializable {
    }

    /** A year under its bars. */
    public record Label(double x, int year) implements Serializable {
    }

    static ForecastChart of(List<ForecastYear> years) {
        BigDecimal max = BigDecimal.ONE;
        for (ForecastYear y : years) {
            max = max.max(new BigDecimal(y.scheduled())).max(new BigDecimal(y.paid()))
                    .max(y.paymentCredits() == null ? BigDecimal.ZERO : new BigDecimal(y.paymentCredits()));
        }
        double slot = years.isEmpty() ? WIDTH : (double) WIDTH / years.size();
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < years.size(); i++) {
            ForecastYear y = years.get(i);
            double left = i * slot + (slot - 3 * BAR) / 2;
            bars.add(bar("scheduled", y.year(), left, y.scheduled(), max));
            bars.add(bar("paid", y.year(), left + BAR, y.paid(), max));
            if (y.paymentCredits() != null) {
                bars.add(bar("credits", y.year(), left + 2 * BAR, y.paymentCredits(), max));
            }
            labels.add(new Label(left + BAR / 2.0, y.year()));
        }
        return new ForecastChart(bars, labels, max.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), years);
    }

    private static Bar bar(String measure, int year, double x, String amount, BigDecimal max) {
        double height = new BigDecimal(amount).multiply(BigDecimal.valueOf(HEIGHT)).divide(max, 4,
                RoundingMode.HALF_EVEN).doubleValue();
        return new Bar(measure, year, x, HEIGHT - height, height, amount);
    }

    /** Whether no signed schedule calls for a payment in the years to come ({@code empty} is an EL word). */
    public boolean isWithoutYears() {
        return years.isEmpty();
    }
}
