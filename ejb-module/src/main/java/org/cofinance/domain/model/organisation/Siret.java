package org.cofinance.domain.model.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * A SIRET number: 14 digits, the SIREN (9 digits) then the establishment number, Luhn-checked.
 * La Poste's establishments (SIREN 356 000 000) follow their own rule: the digits add up to a multiple of 5.
 */
@Embeddable
public class Siret implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String LA_POSTE_SIREN = "356000000";

    @Column(name = "siret", length = 14)
    private String value;

    protected Siret() {
    }

    private Siret(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException when the text is not 14 digits passing the check
     */
    public static Siret of(String text) {
        if (!isValid(text)) {
            throw new IllegalArgumentException("a SIRET is 14 digits with a valid check digit: " + text);
        }
        return new Siret(text);
    }

    public static boolean isValid(String text) {
        if (text == null || !text.matches("\\d{14}")) {
            return false;
        }
        if (text.startsWith(LA_POSTE_SIREN) && !text.equals("35600000000048")) {
            return digitSum(text) % 5 == 0;
        }
        return luhn(text);
    }

    public static boolean isValidSiren(String text) {
        return text != null && text.matches("\\d{9}") && luhn(text);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }

    public String value() {
        return value;
    }

    public String siren() {
        return value.substring(0, 9);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Siret other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
