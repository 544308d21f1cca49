package org.cofinance.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
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
}
