package org.cofinance.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.junit.jupiter.api.Test;

/** What a client typed is read into values, each mistake named against its field with what is expected. */
class InputsTest {

    private final List<Violation> violations = new ArrayList<>();

    @Test
    void shouldReadADayOrNothingWhenBlankAndNameAWrongOne() {
        assertThat(Inputs.date(" 2026-11-26 ", "dueOn", violations)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(Inputs.date(null, "dueOn", violations)).isNull();
        assertThat(Inputs.date("  ", "dueOn", violations)).isNull();
        assertThat(violations).isEmpty();

        assertThat(Inputs.date("26/11/2026", "dueOn", violations)).isNull();

        assertThat(violations).containsExactly(new Violation("dueOn", "is a date like 2026-11-26"));
    }

    @Test
    void shouldReadAPositiveAmountAndNameAMissingNegativeZeroOrMalformedOne() {
        assertThat(Inputs.money("1250000.50", "amount", violations)).isEqualTo(Money.parse("1250000.50"));
        assertThat(violations).isEmpty();

        assertThat(Inputs.money(null, "a", violations)).isNull();
        assertThat(Inputs.money("-1.00", "b", violations)).isNull();
        assertThat(Inputs.money("0.00", "c", violations)).isNull();
        assertThat(Inputs.money("1.001", "d", violations)).isNull();

        assertThat(violations).containsExactly(new Violation("a", "is required"),
                new Violation("b", "must be a positive number of euros"),
                new Violation("c", "must be a positive number of euros"),
                new Violation("d", "must be a decimal number of euros with at most two decimals, e.g. \"1250000.00\""));
    }

    @Test
    void shouldTakeZeroOnlyWhereItIsAllowedAndNeverANegativeAmount() {
        assertThat(Inputs.amount("0.00", "credits", violations, true)).isEqualTo(Money.ZERO);
        assertThat(violations).isEmpty();

        assertThat(Inputs.amount("-0.01", "credits", violations, true)).isNull();

        assertThat(violations).containsExactly(new Violation("credits", "must not be negative"));
    }

    @Test
    void shouldReadADecimalNumberAndRefuseExponentsOverlongTextAndBlanks() {
        assertThat(Inputs.decimal(" 35.5 ", "target", violations)).isEqualByComparingTo("35.5");
        assertThat(Inputs.decimal("120", "target", violations)).isEqualTo(new BigDecimal("120"));
        assertThat(violations).isEmpty();

        assertThat(Inputs.decimal("", "a", violations)).isNull();
        assertThat(Inputs.decimal(null, "b", violations)).isNull();
        assertThat(Inputs.decimal("1e9", "c", violations)).isNull();
        assertThat(Inputs.decimal("1E9", "d", violations)).isNull();
        assertThat(Inputs.decimal("1".repeat(41), "e", violations)).isNull();
        assertThat(Inputs.decimal("douze", "f", violations)).isNull();

        assertThat(violations).extracting(Violation::field).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(violations.get(0).message()).isEqualTo("is required");
        assertThat(violations.subList(2, 6)).allSatisfy(v ->
                assertThat(v.message()).isEqualTo("is a decimal number like \"120\" or \"35.5\""));
        assertThat(Inputs.decimal("1".repeat(40), "g", violations)).isEqualTo(new BigDecimal("1".repeat(40)));
    }

    @Test
    void shouldReadAnEnumValueOrListTheValuesItTakes() {
        assertThat(Inputs.parseEnum(Instrument.class, "EQUITY", "instrument")).isEqualTo(Instrument.EQUITY);
        assertThat(Inputs.parseEnum(Instrument.class, "GIFT", "instrument", violations)).isNull();
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("instrument");
            assertThat(v.message()).startsWith("is one of [").contains("SUBSIDY", "EQUITY");
        });
        assertThatThrownBy(() -> Inputs.parseEnum(Instrument.class, "GIFT", "plan[0].instrument"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("plan[0].instrument"));
    }
}
