package org.cofinance.application.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/** Reading what a client typed into values, each mistake noted against its field. */
public final class Inputs {

    private Inputs() {
    }

    /** A calendar day written {@code 2026-11-26}, or null when blank. */
    public static LocalDate date(String text, String field, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "is a date like 2026-11-26"));
            return null;
        }
    }

    public static Money money(String text, String field, List<Violation> violations) {
        return amount(text, field, violations, false);
    }

    /** Parses an amount of the API; zero is allowed only where {@code zeroAllowed}, a negative one never. */
    public static Money amount(String text, String field, List<Violation> violations, boolean zeroAllowed) {
        if (text == null) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        try {
            Money m = Money.parse(text);
            if (m.isNegative() || (m.isZero() && !zeroAllowed)) {
                violations.add(new Violation(field, zeroAllowed ? "must not be negative"
                        : "must be a positive number of euros"));
                return null;
            }
            return m;
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be a decimal number of euros with at most two decimals,"
                    + " e.g. \"1250000.00\""));
            return null;
        }
    }

    /** A decimal number as a string ({@code "120"}, {@code "35.5"}); its range is the domain's to check. */
    public static BigDecimal decimal(String text, String field, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        try {
            String plain = text.strip();
            if (plain.length() > 40 || plain.contains("e") || plain.contains("E")) {
                throw new NumberFormatException(plain);
            }
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "is a decimal number like \"120\" or \"35.5\""));
            return null;
        }
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        List<Violation> violations = new ArrayList<>();
        E parsed = parseEnum(type, value, field, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return parsed;
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field,
            List<Violation> violations) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "is one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
