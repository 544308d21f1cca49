package org.cofinance.domain.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/**
 * The payment credits of an envelope for a year (crédits de paiement): what may be paid out of it, its sub-envelopes
 * included, in that year (Paris time), beside the multi-year commitments it holds. Set again, a year gets a new row:
 * rows are never changed, the last one counts.
 */
@Entity
@Table(name = "payment_credit")
public class PaymentCredit {

    /** Years of payment are counted in Paris time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "envelope_id", nullable = false, updatable = false)
    private Long envelopeId;

    @Column(nullable = false, updatable = false)
    private int year;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private Money amount;

    @Column(name = "set_by", nullable = false, length = 64, updatable = false)
    private String setBy;

    @Column(name = "set_at", nullable = false, updatable = false)
    private Instant setAt;

    protected PaymentCredit() {
    }

    public PaymentCredit(Envelope envelope, int year, Money amount, String setBy, Instant at) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new DomainException("payment credits are set for a year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        if (amount == null || amount.isNegative()) {
            throw new DomainException("payment credits are not negative");
        }
        this.envelopeId = Objects.requireNonNull(envelope.id(), "envelope");
        this.year = year;
        this.amount = amount;
        this.setBy = Objects.requireNonNull(setBy, "setBy");
        this.setAt = Objects.requireNonNull(at, "at");
    }

    /** The year (Paris time) a payment made at that instant counts in. */
    public static int yearOf(Instant at) {
        return at.atZone(ZONE).getYear();
    }

    /**
     * Refuses a payment that would take what the year's payments on the envelope have used beyond the credits.
     *
     * @param paid what was already paid that year out of the envelope and its sub-envelopes
     * @throws PaymentCreditsExhaustedException when it would
     */
    public void checkPayment(String envelopeCode, Money paid, Money payment) {
        Money left = amount.minus(paid);
        if (payment.isGreaterThan(left)) {
            throw new PaymentCreditsExhaustedException(envelopeCode, year, payment, left.isNegative() ? Money.ZERO
                    : left);
        }
    }

    public Long id() {
        return id;
    }

    public Long envelopeId() {
        return envelopeId;
    }

    public int year() {
        return year;
    }

    public Money amount() {
        return amount;
    }

    public String setBy() {
        return setBy;
    }

    public Instant setAt() {
        return setAt;
    }
}
