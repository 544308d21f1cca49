package org.cofinance.interfaces.web.finance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Grouped bars drawn as SVG by the server (no script, nothing fetched): one group per label (an envelope, a stage, a
 * territory, an indicator), one bar per series within it, all on one scale from zero to the largest value. Each
 * chart is shown with its table for screen readers; the bars carry their value as a title.
 */
public record BarChart(List<Bar> bars, List<Label> labels, String maximum) {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 200;
    private static final double MAX_BAR = 28;

    /** One bar: its series (0, 1, …), where it stands, how high, and the value it draws (a decimal string). */
    public record Bar(int series, String group, double x, double y, double width, double height, String value) {
    }

    /** The name of a group, under its bars. */
    public record Label(double x, String text) {
    }

    /** A group of the chart: its label and one value per series (null drawn as nothing). */
    public record Group(String label, List<BigDecimal> values) {
    }

    public static BarChart of(List<Group> groups, int series) {
        BigDecimal max = BigDecimal.ZERO;
        for (Group group : groups) {
            for (BigDecimal value : group.values()) {
                if (value != null) {
                    max = max.max(value);
                }
            }
        }
        BigDecimal scale = max.signum() == 0 ? BigDecimal.ONE : max;
        double slot = groups.isEmpty() ? WIDTH : (double) WIDTH / groups.size();
        double width = Math.min(MAX_BAR, (slot - 8) / series);
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            double left = g * slot + (slot - series * width) / 2;
            for (int s = 0; s < series && s < group.values().size(); s++) {
                BigDecimal value = group.values().get(s);
                if (value == null) {
                    continue;
                }
                double height = value.multiply(BigDecimal.valueOf(HEIGHT)).divide(scale, 4, RoundingMode.HALF_EVEN)
                        .doubleValue();
                bars.add(new Bar(s, group.label(), left + s * width, HEIGHT - height, width - 2, height,
                        value.toPlainString()));
            }
            labels.add(new Label(g * slot + slot / 2, group.label()));
        }
        return new BarChart(bars, labels, max.toPlainString());
    }

    /** Whether there is nothing to draw ({@code empty} is an EL word). */
    public boolean isWithoutBars() {
        return bars.isEmpty();
    }
}
