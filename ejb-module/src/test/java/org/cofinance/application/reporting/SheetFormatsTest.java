package org.cofinance.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.cofinance.domain.model.shared.Money;
import org.junit.jupiter.api.Test;

/** The one-request documents write euros to the cent and shares to the tenth of a percent, in the reader's locale. */
class SheetFormatsTest {

    @Test
    void shouldWriteEurosWithTwoDecimalsInTheReadersLocale() {
        Money amount = Money.parse("1234567.5");

        assertThat(SheetFormats.euros(amount, Locale.FRANCE).replace('\u202F', ' ').replace('\u00A0', ' '))
                .isEqualTo("1 234 567,50 €");
        assertThat(SheetFormats.euros(amount, Locale.UK)).isEqualTo("1,234,567.50 €");
        assertThat(SheetFormats.euros(Money.parse("7"), Locale.UK)).isEqualTo("7.00 €");
    }

    @Test
    void shouldWriteAShareAsItsAmountAndItsPercentOfTheTotal() {
        String share = SheetFormats.share(Money.euros(1), Money.euros(3), Locale.UK);

        assertThat(share).isEqualTo("1.00 € (33.3%)");
    }

    @Test
    void shouldWriteARatioAsAPercentWithTwoDecimals() {
        assertThat(SheetFormats.percent(new BigDecimal("0.123456"), Locale.UK)).isEqualTo("12.35%");
        assertThat(SheetFormats.percent(BigDecimal.ONE, Locale.UK)).isEqualTo("100.00%");
    }

    @Test
    void shouldKeepARowsFieldsAndItsExactAmount() {
        Map<String, Object> row = Map.copyOf(SheetFormats.row("Plan", "CDC", "Subvention",
                Money.parse("4000000.10")));
        Map<String, ?> heading = SheetFormats.row("Plan", "Total", null, null);

        assertThat(row).containsEntry("section", "Plan").containsEntry("label", "CDC")
                .containsEntry("detail", "Subvention").containsEntry("amount", new BigDecimal("4000000.10"));
        assertThat(heading.get("amount")).isNull();
        assertThat(heading.get("detail")).isNull();
        assertThat(heading.keySet()).containsExactlyInAnyOrder("section", "label", "detail", "amount");
    }
}
