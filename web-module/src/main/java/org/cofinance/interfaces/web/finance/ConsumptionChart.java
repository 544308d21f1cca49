package org.cofinance.interfaces.web.finance;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.cofinance.application.ledger.EnvelopeService.ConsumptionPoint;

/**
 * An envelope's consumption over time drawn as an SVG line chart (no script): the ceiling, what is engaged
 * (reserved + committed) and what is disbursed, as step lines over the days that moved them.
 */
public record ConsumptionChart(String ceiling, String engaged, String disbursed, List<Tick> ticks, String maximum,
                               LocalDate first, LocalDate last, List<ConsumptionPoint> points) implements Serializable {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 240;

    /** A label of the horizontal axis. */
    public record Tick(double x, LocalDate day) implements Serializable {
    }

    static ConsumptionChart of(List<ConsumptionPoint> points) {
        if (points.isEmpty()) {
            return new ConsumptionChart("", "", "", List.of(), "0", null, null, points);
        }
        LocalDate first = points.get(0).day();
        LocalDate last = points.get(points.size() - 1).day();
        BigDecimal max = BigDecimal.ONE;
        for (ConsumptionPoint p : points) {
            max = max.max(new BigDecimal(p.ceiling())).max(engaged(p)).max(new BigDecimal(p.disbursed()));
        }
        long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
        BigDecimal top = max;
        Function<LocalDate, Double> x = day -> ChronoUnit.DAYS.between(first, day) * (double) WIDTH / span;
        Function<BigDecimal, Double> y = value -> HEIGHT - value.multiply(BigDecimal.valueOf(HEIGHT))
                .divide(top, 4, RoundingMode.HALF_EVEN).doubleValue();
        List<Tick> ticks = List.of(new Tick(0, first), new Tick(WIDTH, last));
        return new ConsumptionChart(steps(points, x, y, p -> new BigDecimal(p.ceiling())),
                steps(points, x, y, ConsumptionChart::engaged),
                steps(points, x, y, p -> new BigDecimal(p.disbursed())), ticks,
                max.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), first, last, points);
    }

    private static BigDecimal engaged(ConsumptionPoint p) {
        return new BigDecimal(p.reserved()).add(new BigDecimal(p.committed()));
    }

    private static String steps(List<ConsumptionPoint> points, Function<LocalDate, Double> x,
                                Function<BigDecimal, Double> y, Function<ConsumptionPoint, BigDecimal> value) {
        StringBuilder path = new StringBuilder();
        double previousY = y.apply(BigDecimal.ZERO);
        for (ConsumptionPoint p : points) {
            double px = x.apply(p.day());
            double py = y.apply(value.apply(p));
            path.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f ", px, previousY, px, py));
            previousY = py;
        }
        path.append(String.format(Locale.ROOT, "%d,%.1f", WIDTH, previousY));
        return path.toString();
    }

    public boolean isWithoutMovement() {
        return points.isEmpty();
    }
}
