package org.cofinance.application.shared;

import org.cofinance.domain.model.shared.Money;

/** Money as the channels write it: a plain decimal string of euros ("1250000.00"). */
public final class Amounts {

    private Amounts() {
    }

    public static String text(Money m) {
        return m == null ? null : m.toPlainString();
    }
}
