package org.cofinance.interfaces.web.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cofinance.application.ledger.EnvelopeService.ConsumptionPoint;
import org.junit.jupiter.api.Test;

class ConsumptionChartTest {

    @Test
    void shouldDrawConsumptionAsStepsScaledToTheHighestValue() {
        List<ConsumptionPoint> points = List.of(
                new ConsumptionPoint(LocalDate.of(2026, 1, 1), "100.00", "0.00", "0.00", "0.00"),
                new ConsumptionPoint(LocalDate.of(2026, 1, 11), "100.00", "50.00", "0.00", "0.00"),
                new ConsumptionPoint(LocalDate.of(2026, 1, 21), "100.00", "0.00", "50.00", "25.00"));

        ConsumptionChart chart = ConsumptionChart.of(points);

        assertThat(chart.maximum()).isEqualTo("100.00");
        assertThat(chart.ceiling()).startsWith("0.0,240.0 0.0,0.0 ");
        assertThat(chart.engaged()).contains("360.0,240.0 360.0,120.0").endsWith("720,120.0");
        assertThat(chart.disbursed()).endsWith("720.0,180.0 720,180.0");
        assertThat(ConsumptionChart.of(List.of()).isWithoutMovement()).isTrue();
    }
}
