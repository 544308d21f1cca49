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
 * record it; the caller stores them. Disbursed never exceeds committed.
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
        if (!amount.isPositive() || amount.isGreaterThan(undisbursed())) {
            throw new DomainException("a disbursement is positive and at most the " + undisbursed().toPlainString()
                    + " EUR still to pay");
        }
        envelope.disburse(amount);
        this.disbursed = disbursed.plus(amount);
        this.status = CommitmentStatus.DISBURSED;
        return entry(EntryKind.DISBURSE, amount, movement);
    }

    /** Closes the commitment; the undisbursed rest, if any, is released to the envelope (dégagement). */
    public List<LedgerEntry> close(Movement movement) {
        if (status != CommitmentStatus.COMMITTED && status != CommitmentStatus.DISBURSED) {
            throw new DomainException("only a committed commitment is closed (this one is " + status + ")");
        }
        Money rest = undisbursed();
        this.status = CommitmentStatus.CLOSED;
        if (rest.isZero()) {
            return List.of();
        }
        envelope.release(rest);
        this.committed = disbursed;
        return List.of(entry(EntryKind.RELEASE, rest, movement));
    }

    public Money undisbursed() {
        return committed.minus(disbursed);
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

    public Instant createdAt() {
        return createdAt;
    }
}
