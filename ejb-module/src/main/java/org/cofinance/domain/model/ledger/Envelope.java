package org.cofinance.domain.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/**
 * A capped budget owned by one organisation. Its balances are running totals of its ledger entries, and of its
 * sub-envelopes' entries: money held by a sub-envelope counts against every parent above it. The database refuses
 * a row where reserved + committed exceeds the ceiling; this class refuses it first.
 */
@Entity
@Table(name = "envelope")
public class Envelope {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40, updatable = false)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_organisation_id", updatable = false)
    private Organisation owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id", updatable = false)
    private Envelope parent;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money ceiling;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money reserved = Money.ZERO;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money committed = Money.ZERO;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money disbursed = Money.ZERO;

    protected Envelope() {
    }

    public Envelope(String code, String name, Organisation owner, Envelope parent, Money ceiling,
                    LocalDate validFrom, LocalDate validTo) {
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            throw new DomainException("an envelope code is 2 to 40 capital letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank()) {
            throw new DomainException("an envelope has a name");
        }
        Objects.requireNonNull(ceiling, "ceiling");
        if (ceiling.isNegative()) {
            throw new DomainException("a ceiling is not negative");
        }
        if (parent != null && ceiling.isGreaterThan(parent.ceiling())) {
            throw new DomainException("the ceiling of " + code + " does not fit inside its parent " + parent.code()
                    + " (" + parent.ceiling().toPlainString() + " EUR)");
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new DomainException("an envelope's validity ends after it begins");
        }
        this.code = code;
        this.name = name.strip();
        this.owner = Objects.requireNonNull(owner, "owner");
        this.parent = parent;
        this.ceiling = ceiling;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /**
     * This envelope then each parent up to the root: every one of them must hold the money. Other instances are
     * reached through their methods only, never their fields, as they may be lazy proxies.
     */
    public List<Envelope> chain() {
        List<Envelope> chain = new ArrayList<>();
        for (Envelope e = this; e != null; e = e.parent().orElse(null)) {
            chain.add(e);
        }
        return chain;
    }

    public Money available() {
        return ceiling.minus(reserved).minus(committed);
    }

    /** Whether this envelope and all its parents can take the amount. */
    public boolean canHold(Money amount) {
        return chain().stream().noneMatch(e -> amount.isGreaterThan(e.available()));
    }

    /** Whether money may be reserved on this envelope on that day: within its validity and its parents'. */
    public boolean isOpenOn(LocalDate day) {
        return chain().stream().allMatch(e -> (e.validFrom() == null || !day.isBefore(e.validFrom()))
                && (e.validTo() == null || !day.isAfter(e.validTo())));
    }

    void reserve(Money amount) {
        requirePositive(amount);
        for (Envelope e : chain()) {
            if (amount.isGreaterThan(e.available())) {
                throw new InsufficientFundsException(e.code(), amount, e.available());
            }
        }
        chain().forEach(e -> e.moveBalances(amount, Money.ZERO, Money.ZERO));
    }

    /** Turns a reservation into a commitment of {@code posted}; what was reserved beyond it returns to the envelope. */
    void post(Money heldReservation, Money posted) {
        requirePositive(heldReservation);
        if (posted.isNegative() || posted.isGreaterThan(heldReservation)) {
            throw new DomainException("posting " + posted.toPlainString() + " EUR exceeds the reservation of "
                    + heldReservation.toPlainString() + " EUR");
        }
        chain().forEach(e -> e.moveBalances(Money.ZERO.minus(heldReservation), posted, Money.ZERO));
    }

    void voidReservation(Money heldReservation) {
        requirePositive(heldReservation);
        chain().forEach(e -> e.moveBalances(Money.ZERO.minus(heldReservation), Money.ZERO, Money.ZERO));
    }

    void disburse(Money amount) {
        requirePositive(amount);
        chain().forEach(e -> e.moveBalances(Money.ZERO, Money.ZERO, amount));
    }

    /** Money paid out of it came back (a recovery): it counts as paid no more. */
    void recover(Money amount) {
        requirePositive(amount);
        chain().forEach(e -> e.moveBalances(Money.ZERO, Money.ZERO, Money.ZERO.minus(amount)));
    }

    /** Gives back committed money that will never be paid (dégagement). */
    void release(Money amount) {
        requirePositive(amount);
        chain().forEach(e -> e.moveBalances(Money.ZERO, Money.ZERO.minus(amount), Money.ZERO));
    }

    /** Applies signed deltas; refuses any state the database would refuse too. */
    void moveBalances(Money reservedDelta, Money committedDelta, Money disbursedDelta) {
        Money newReserved = reserved.plus(reservedDelta);
        Money newCommitted = committed.plus(committedDelta);
        Money newDisbursed = disbursed.plus(disbursedDelta);
        if (newReserved.isNegative() || newCommitted.isNegative() || newDisbursed.isNegative()
                || newDisbursed.isGreaterThan(newCommitted)
                || newReserved.plus(newCommitted).isGreaterThan(ceiling)) {
            throw new DomainException("envelope " + code + " cannot take this movement");
        }
        this.reserved = newReserved;
        this.committed = newCommitted;
        this.disbursed = newDisbursed;
    }

    /**
     * Moves the ceiling by an amendment (avenant): never below what is already reserved and committed, never above
     * the parent's ceiling, never below a sub-envelope's ceiling.
     *
     * @param largestChildCeiling the largest ceiling among the sub-envelopes, zero when there are none
     * @return the AMEND entry that records it
     */
    public LedgerEntry amend(Money newCeiling, Money largestChildCeiling, Movement movement) {
        Objects.requireNonNull(newCeiling, "ceiling");
        if (movement.reason() == null || movement.reason().isBlank()) {
            throw new DomainException("an amendment gives its reason");
        }
        Money used = reserved.plus(committed);
        if (newCeiling.isLessThan(used)) {
            throw new CeilingBelowUsageException(code, newCeiling, used);
        }
        if (parent != null && newCeiling.isGreaterThan(parent.ceiling())) {
            throw new CeilingBelowUsageException("the ceiling of " + code + " does not fit inside its parent "
                    + parent.code() + " (" + parent.ceiling().toPlainString() + " EUR)");
        }
        if (newCeiling.isLessThan(largestChildCeiling)) {
            throw new CeilingBelowUsageException("the ceiling of " + code + " cannot go below its sub-envelope's "
                    + largestChildCeiling.toPlainString() + " EUR");
        }
        this.ceiling = newCeiling;
        return LedgerEntry.amendment(this, newCeiling, movement);
    }

    /** The AMEND entry of the opening ceiling of an envelope just stored. */
    public LedgerEntry openingEntry(Movement movement) {
        return LedgerEntry.amendment(this, ceiling, movement);
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new DomainException("an amount moved in the ledger is positive");
        }
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Organisation owner() {
        return owner;
    }

    public boolean isOwnedBy(Long organisationId) {
        return owner.id().equals(organisationId);
    }

    public Optional<Envelope> parent() {
        return Optional.ofNullable(parent);
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }

    public Money ceiling() {
        return ceiling;
    }

    public Money reserved() {
        return reserved;
    }

    public Money committed() {
        return committed;
    }

    public Money disbursed() {
        return disbursed;
    }
}
