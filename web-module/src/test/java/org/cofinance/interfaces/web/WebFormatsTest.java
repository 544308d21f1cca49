package org.cofinance.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.application.EnvelopeService.ConsumptionPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WebFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 234 567,89|1234567.89",
            "1\u202f234\u202f567,89 €|1234567.89",
            "1.234.567,89|1234567.89",
            "1,234,567.89|1234567.89",
            "4000000|4000000",
            "douze millions|douzemillions"})
    void shouldReadAmountsAsFrenchAndEnglishUsersTypeThem(String typed, String read) {
        assertThat(Ui.amountOf(typed)).isEqualTo(read);
    }

    @Test
    void shouldReadNothingFromABlankAmount() {
        assertThat(Ui.amountOf("  ")).isNull();
        assertThat(Ui.amountOf(null)).isNull();
    }

    @Test
    void shouldTellWhatIsLeftToFinanceAndTheSharesAgainstTheCallsRules() {
        PlanBalance balance = new PlanBalance(new BigDecimal("12000000.00"), new BigDecimal("11000000.00"),
                new BigDecimal("10000000.00"), new BigDecimal("1000000.00"));

        assertThat(balance.getRemainingText()).isEqualTo("1000000.00");
        assertThat(balance.isBalanced()).isFalse();
        assertThat(balance.isPublicShareWithinRule()).isFalse();
        assertThat(balance.isPrivateShareWithinRule()).isFalse();
        PlanBalance balanced = new PlanBalance(new BigDecimal("10.00"), new BigDecimal("10.00"), new BigDecimal("8.00"),
                new BigDecimal("2.00"));
        assertThat(balanced.isBalanced()).isTrue();
        assertThat(balanced.isPublicShareWithinRule()).isTrue();
        assertThat(balanced.isPrivateShareWithinRule()).isTrue();
    }

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
