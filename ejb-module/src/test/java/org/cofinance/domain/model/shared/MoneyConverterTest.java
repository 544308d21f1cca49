package org.cofinance.domain.model.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How an amount is stored: a NUMERIC of two decimals, and back, nothing for nothing. */
class MoneyConverterTest {

    private final MoneyConverter converter = new MoneyConverter();

    @Test
    void shouldStoreAnAmountAsItsDecimalAndReadItBackToTheCent() {
        // then an amount goes to its two-decimal number and comes back equal, and a missing one stays missing
        assertThat(converter.convertToDatabaseColumn(Money.parse("1200000.05")))
                .isEqualTo(new BigDecimal("1200000.05"));
        assertThat(converter.convertToEntityAttribute(new BigDecimal("1200000.05")))
                .isEqualTo(Money.parse("1200000.05"));
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }
}
