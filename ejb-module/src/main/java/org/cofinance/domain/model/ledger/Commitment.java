package org.cofinance.domain.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/**
 * The money one source promises to one request: RESERVED (pending) → COMMITTED (posted) → DISBURSED in tranches →
 * CLOSED, or RELEASED (voided). Every change moves its envelope's balances and returns the ledger entries that
 * record it; the caller stores them. Disbursed never exceeds committed; money paid back (recovered) is never paid
 * again: what is payable is committed − disbursed − recovered. An amendment may raise a posted commitment (the
 * increase reserved, then posted or voided) or lower it (released).
 */
@Entity
@Table(name = "commitment")
public class Commitment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commitment_block_seq")
    @SequenceGenerator(name = "commitment_block_seq", sequenceName = "commitment_block_seq", allocationSize = 50)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(name = "plan_line_id", updatable = false)
    private Long planLineId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "envelope_id", updatable = false)
    private Envelope envelope;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private Long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Instrument instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CommitmentStatus status;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money reserved;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money committed = Money.ZERO;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money disbursed = Money.ZERO;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money recovered = Money.ZERO;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Commitment() {
    }

    /**
     * Holds {@code amount} on the envelope and its parents.
     *
     * @throws InsufficientFundsException when the envelope or a parent cannot hold it
     */
    public Commitment(Envelope envelope, Long requestId, Long planLineId, Long organisationId, Instrument instrument,
                      Money amount, Instant at) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.requestId = Objects.requireNonNull(requestId, "request");
        this.planLineId = planLineId;
        this.organisationId = Objects.requireNonNull(organisationId, "organisation");
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        envelope.reserve(amount);
        this.reserved = amount;
        this.status = CommitmentStatus.RESERVED;
        this.createdAt = at;
    }

    /** The RESERVE entry of a commitment just stored. */
    public LedgerEntry reservationEntry(Movement movement) {
        return entry(EntryKind.RESERVE, reserved, movement);
    }

    /**
     * Posts {@code amount} (at most what is reserved); the rest of the reservation goes back to the envelope, recorded
     * as a VOID entry under the key suffixed {@code :rest}.
     */
    public List<LedgerEntry> post(Money amount, Movement movement) {
        requireStatus(CommitmentStatus.RESERVED, "post");
        if (!amount.isPositive() || amount.isGreaterThan(reserved)) {
            throw new DomainException("a posting is positive and at most the " + reserved.toPlainString()
                    + " EUR reserved");
        }
        Money rest = reserved.minus(amount);
        envelope.post(reserved, amount);
        List<LedgerEntry> entries = new ArrayList<>();
        entries.add(entry(EntryKind.POST, amount, movement));
        if (rest.isPositive()) {
            entries.add(entry(EntryKind.VOID, rest, new Movement(movement.author(), movement.at(),
                    movement.idempotencyKey() + ":rest", "reservation reduced on posting")));
        }
        this.committed = amount;
        this.reserved = Money.ZERO;
        this.status = CommitmentStatus.COMMITTED;
        return entries;
    }

    /** Gives the whole reservation back: the request was rejected, cancelled or reduced to nothing. */
    public LedgerEntry voidReservation(Movement movement) {
        requireStatus(CommitmentStatus.RESERVED, "void");
        Money held = reserved;
        envelope.voidReservation(held);
        this.reserved = Money.ZERO;
        this.status = CommitmentStatus.RELEASED;
        return entry(EntryKind.VOID, held, movement);
    }

    /** Pays a tranche; never more than what is committed and not yet paid. */
    public LedgerEntry disburse(Money amount, Movement movement) {
        if (status != CommitmentStatus.COMMITTED && status != CommitmentStatus.DISBURSED) {
            throw new DomainException("only a committed commitment is disbursed (this one is " + status + ")");
        }
        if (!amount.isPositive() || amount.isGreaterThan(payable())) {
            throw new DomainException("a disbursement is positive and at most the " + payable().toPlainString()
                    + " EUR still to pay");
        }
        envelope.disburse(amount);
        this.disbursed = disbursed.plus(amount);
        this.status = CommitmentStatus.DISBURSED;
        return entry(EntryKind.DISBURSE, amount, movement);
    }

    /**
     * An amendment raises the commitment: the increase is held on the envelope and its parents (a RESERVE entry)
     * until the funders decide.
     *
     * @throws InsufficientFundsException when the envelope or a parent cannot hold it
     */
    public LedgerEntry reserveIncrease(Money increase, Movement movement) {
        requirePosted("raise");
        if (reserved.isPositive()) {
            throw new DomainException("commitment " + id + " already holds an increase awaiting its funders");
        }
        envelope.reserve(increase);
        this.reserved = increase;
        return entry(EntryKind.RESERVE, increase, movement);
    }

    /** The amendment is approved: the increase held is committed (a POST entry). */
    public LedgerEntry postIncrease(Movement movement) {
        requirePosted("post an increase of");
        requireIncrease();
        Money increase = reserved;
        envelope.post(increase, increase);
        this.committed = committed.plus(increase);
        this.reserved = Money.ZERO;
        return entry(EntryKind.POST, increase, movement);
    }

    /** The amendment is rejected: the increase held goes back to the envelope (a VOID entry). */
    public LedgerEntry voidIncrease(Movement movement) {
        requirePosted("void an increase of");
        requireIncrease();
        Money increase = reserved;
        envelope.voidReservation(increase);
        this.reserved = Money.ZERO;
        return entry(EntryKind.VOID, increase, movement);
    }

    /**
     * An approved amendment lowers the commitment: the decrease goes back to the envelope (a RELEASE entry); never
     * below what was paid or paid back.
     */
    public LedgerEntry decrease(Money decrease, Movement movement) {
        requirePosted("lower");
        if (!decrease.isPositive() || decrease.isGreaterThan(payable())) {
            throw new DomainException("a commitment is lowered by at most the " + payable().toPlainString()
                    + " EUR not paid yet");
        }
        envelope.release(decrease);
        this.committed = committed.minus(decrease);
        return entry(EntryKind.RELEASE, decrease, movement);
    }

    private void requirePosted(String action) {
        if (status != CommitmentStatus.COMMITTED && status != CommitmentStatus.DISBURSED) {
            throw new DomainException("cannot " + action + " a commitment that is " + status);
        }
    }

    private void requireIncrease() {
        if (!reserved.isPositive()) {
            throw new DomainException("commitment " + id + " holds no increase");
        }
    }

    /**
     * Books money paid back (a recovery received): the commitment's and its envelopes' disbursed go down, its
     * recovered up, so that it is not paid again. On a closed commitment, the money goes back to the envelope at once
     * (a RELEASE under the key suffixed {@code :release}), as closing would have given it back.
     */
    public List<LedgerEntry> recover(Money amount, Movement movement) {
        if (status != CommitmentStatus.DISBURSED && status != CommitmentStatus.CLOSED) {
            throw new DomainException("only money paid is recovered (this commitment is " + status + ")");
        }
        if (!amount.isPositive() || amount.isGreaterThan(disbursed)) {
            throw new DomainException("a recovery is positive and at most the " + disbursed.toPlainString()
                    + " EUR paid and not yet recovered");
        }
        envelope.recover(amount);
        this.disbursed = disbursed.minus(amount);
        this.recovered = recovered.plus(amount);
        List<LedgerEntry> booked = new ArrayList<>();
        booked.add(entry(EntryKind.RECOVER, amount, movement));
        if (status == CommitmentStatus.CLOSED) {
            envelope.release(amount);
            this.committed = committed.minus(amount);
            booked.add(entry(EntryKind.RELEASE, amount, new Movement(movement.author(), movement.at(),
                    movement.idempotencyKey() + ":release", "recovered on a closed commitment")));
        }
        return booked;
    }

    /**
     * Closes the commitment; what was not paid or was paid back, if anything, is released to the envelope
     * (dégagement).
     */
    public List<LedgerEntry> close(Movement movement) {
        if (status != CommitmentStatus.COMMITTED && status != CommitmentStatus.DISBURSED) {
            throw new DomainException("only a committed commitment is closed (this one is " + status + ")");
        }
        if (reserved.isPositive()) {
            throw new DomainException("commitment " + id + " holds an increase its funders have not decided yet");
        }
        Money rest = committed.minus(disbursed);
        this.status = CommitmentStatus.CLOSED;
        if (rest.isZero()) {
            return List.of();
        }
        envelope.release(rest);
        this.committed = disbursed;
        return List.of(entry(EntryKind.RELEASE, rest, movement));
    }

    /**
     * What may still be paid: committed, less what was paid, less what was paid back (never paid again); nothing once
     * closed or before posting.
     */
    public Money payable() {
        if (status != CommitmentStatus.COMMITTED && status != CommitmentStatus.DISBURSED) {
            return Money.ZERO;
        }
        return committed.minus(disbursed).minus(recovered);
    }

    private LedgerEntry entry(EntryKind kind, Money amount, Movement movement) {
        if (id == null) {
            throw new IllegalStateException("a commitment is stored before its entries are written");
        }
        return new LedgerEntry(envelope.id(), id, requestId, kind, amount, movement);
    }

    private void requireStatus(CommitmentStatus expected, String action) {
        if (status != expected) {
            throw new DomainException("cannot " + action + " a commitment that is " + status);
        }
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public Long planLineId() {
        return planLineId;
    }

    public Envelope envelope() {
        return envelope;
    }

    public Long organisationId() {
        return organisationId;
    }

    public Instrument instrument() {
        return instrument;
    }

    public CommitmentStatus status() {
        return status;
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

    public Money recovered() {
        return recovered;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
