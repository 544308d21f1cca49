package org.cofinance.domain.model.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void shouldParseTheApiFormAndKeepTwoDecimals() {
        assertThat(Money.parse("1250000.00").toPlainString()).isEqualTo("1250000.00");
        assertThat(Money.parse("12.5").toPlainString()).isEqualTo("12.50");
        assertThat(Money.parse("7").toCents()).isEqualTo(700);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.001", "1,50", "1e6", "", " 1.00", "abc", "1.", ".5", "1234567890123456.00"})
    void shouldRefuseTextThatIsNotAnAmountOfEuroCents(String text) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseMoreThanTwoDecimalsFromABigDecimal() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.001"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.of(new BigDecimal("2.500"))).isEqualTo(Money.ofCents(250));
    }

    @Test
    void shouldAddAndSubtractExactly() {
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.parse("0.10"));
        }
        assertThat(sum).isEqualTo(Money.euros(1));
        assertThat(Money.euros(1).minus(Money.parse("0.01")).toPlainString()).isEqualTo("0.99");
    }

    @Test
    void shouldCompareByValueWhateverTheWrittenScale() {
        assertThat(Money.parse("5")).isEqualTo(Money.parse("5.00")).hasSameHashCodeAs(Money.parse("5.0"));
        assertThat(Money.parse("5.01").isGreaterThan(Money.parse("5"))).isTrue();
    }

    @Test
    void shouldRoundARateHalfEvenToTheCent() {
        assertThat(Money.parse("100.00").times(new BigDecimal("0.3")).toPlainString()).isEqualTo("30.00");
        assertThat(Money.parse("0.05").times(new BigDecimal("0.5")).toPlainString()).isEqualTo("0.02");
        assertThat(Money.parse("80.00").ratioOf(Money.parse("100.00"))).isEqualByComparingTo("0.8");
    }
}
