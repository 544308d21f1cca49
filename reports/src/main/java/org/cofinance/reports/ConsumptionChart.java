package org.cofinance.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The consumption chart of the envelope-status report: one bar per envelope, as long as its ceiling, split into what
 * is disbursed, committed and not yet disbursed, reserved, and still available. Drawn at twice the printed size.
 */
final class ConsumptionChart {

    static final int WIDTH = 1572;
    static final int HEIGHT = 360;
    private static final int LABEL_WIDTH = 260;
    private static final int MAX_BARS = 12;
    private static final Color DISBURSED = new Color(0x1B6E20);
    private static final Color COMMITTED = new Color(0xC77800);
    private static final Color RESERVED = new Color(0xF2C14E);
    private static final Color AVAILABLE = new Color(0xDDE3EA);

    private ConsumptionChart() {
    }

    /** The chart of the first envelopes of the rows, or null when there is nothing to draw. */
    static BufferedImage of(List<Map<String, ?>> rows, Map<String, String> labels) {
        List<Map<String, ?>> bars = rows.stream().filter(r -> amount(r, "ceiling").signum() > 0).limit(MAX_BARS)
                .toList();
        if (bars.isEmpty()) {
            return null;
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
            int legendHeight = 40;
            int slot = (HEIGHT - legendHeight) / bars.size();
            int barHeight = Math.max(8, Math.min(30, slot - 8));
            int barWidth = WIDTH - LABEL_WIDTH - 20;
            for (int i = 0; i < bars.size(); i++) {
                Map<String, ?> row = bars.get(i);
                int y = i * slot + (slot - barHeight) / 2;
                g.setColor(new Color(0x1D2733));
                g.drawString(String.valueOf(row.get("code")), 10, y + barHeight / 2 + 7);
                BigDecimal ceiling = amount(row, "ceiling");
                int x = LABEL_WIDTH;
                BigDecimal disbursed = amount(row, "disbursed");
                BigDecimal committedUnpaid = amount(row, "committed").subtract(disbursed).max(BigDecimal.ZERO);
                for (Object[] part : new Object[][] {{disbursed, DISBURSED}, {committedUnpaid, COMMITTED},
                        {amount(row, "reserved"), RESERVED}, {amount(row, "available"), AVAILABLE}}) {
                    int width = ((BigDecimal) part[0]).multiply(BigDecimal.valueOf(barWidth))
                            .divide(ceiling, 0, RoundingMode.HALF_EVEN).intValue();
                    g.setColor((Color) part[1]);
                    g.fillRect(x, y, Math.max(0, width), barHeight);
                    x += Math.max(0, width);
                }
                g.setColor(new Color(0x5B6B7C));
                g.setStroke(new BasicStroke(1));
                g.drawRect(LABEL_WIDTH, y, barWidth, barHeight);
            }
            int x = LABEL_WIDTH;
            for (Object[] entry : new Object[][] {{"disbursed", DISBURSED}, {"committed", COMMITTED},
                    {"reserved", RESERVED}, {"available", AVAILABLE}}) {
                g.setColor((Color) entry[1]);
                g.fillRect(x, HEIGHT - 28, 22, 18);
                g.setColor(new Color(0x1D2733));
                String label = labels.getOrDefault((String) entry[0], (String) entry[0]);
                g.drawString(label, x + 30, HEIGHT - 12);
                x += 60 + g.getFontMetrics().stringWidth(label);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static BigDecimal amount(Map<String, ?> row, String column) {
        Object value = row.get(column);
        return value instanceof BigDecimal b ? b : value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
