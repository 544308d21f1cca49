package org.cofinance.domain.model.shared;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of euros, always held with two decimals. Never built from a double.
 */
public final class Money implements Comparable<Money>, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    private final BigDecimal amount;

    private Money(BigDecimal amount) {
        this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * @throws IllegalArgumentException when the value has more than two decimals
     */
    public static Money of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most two decimals: " + amount.toPlainString());
        }
        return new Money(amount);
    }

    public static Money euros(long euros) {
        return new Money(BigDecimal.valueOf(euros));
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    /**
     * Parses the API's textual form: a decimal number with a dot and at most two decimals, e.g. "1250000.00".
     *
     * @throws IllegalArgumentException when the text is not such a number
     */
    public static Money parse(String text) {
        if (text == null || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal number of euros with at most two decimals: " + text);
        }
        return new Money(new BigDecimal(text));
    }

    public BigDecimal toBigDecimal() {
        return amount;
    }

    public long toCents() {
        return amount.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money min(Money other) {
        return isLessThan(other) ? this : other;
    }

    /** The share of this amount in a total, as a ratio with four decimals (0.8000 = 80 %). */
    public BigDecimal ratioOf(Money total) {
        if (total.isZero()) {
            return BigDecimal.ZERO.setScale(4);
        }
        return amount.divide(total.amount, 4, RoundingMode.HALF_EVEN);
    }

    /** This amount multiplied by a rate, rounded half-even to the cent. */
    public Money times(BigDecimal rate) {
        return new Money(amount.multiply(rate).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The plain decimal form of the API and the CSV exports, e.g. "1250000.00". */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money other && amount.equals(other.amount);
    }

    @Override
    public int hashCode() {
        return amount.hashCode();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " EUR";
    }
}
