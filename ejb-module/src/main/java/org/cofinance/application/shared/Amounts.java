package org.cofinance.application.shared;

import java.math.BigDecimal;
import org.cofinance.domain.model.shared.Money;

/**
 * Money as the channels write it: a plain decimal string of euros ("1250000.00"); quantities of an impact indicator
 * without trailing zeros ("120", "35.5").
 */
public final class Amounts {

    private Amounts() {
    }

    public static String text(Money m) {
        return m == null ? null : m.toPlainString();
    }

    public static String quantity(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
