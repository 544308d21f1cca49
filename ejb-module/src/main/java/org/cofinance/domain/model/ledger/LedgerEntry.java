package org.cofinance.domain.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.cofinance.domain.model.shared.Money;

/**
 * One immutable movement of money: who moved how much, on which envelope, for which commitment, when (UTC).
 * The database refuses any UPDATE or DELETE of an entry; the idempotency key is unique.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_entry_block_seq")
    @SequenceGenerator(name = "ledger_entry_block_seq", sequenceName = "ledger_entry_block_seq", allocationSize = 50)
    private Long id;

    @Column(name = "envelope_id", nullable = false, updatable = false)
    private Long envelopeId;

    @Column(name = "commitment_id", updatable = false)
    private Long commitmentId;

    @Column(name = "request_id", updatable = false)
    private Long requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private EntryKind kind;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private Money amount;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, length = 64, updatable = false)
    private String author;

    @Column(name = "idempotency_key", nullable = false, unique = true, length = 200, updatable = false)
    private String idempotencyKey;

    @Column(length = 1000, updatable = false)
    private String reason;

    protected LedgerEntry() {
    }

    LedgerEntry(Long envelopeId, Long commitmentId, Long requestId, EntryKind kind, Money amount, Movement movement) {
        this.envelopeId = Objects.requireNonNull(envelopeId, "envelope");
        this.commitmentId = commitmentId;
        this.requestId = requestId;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.at = movement.at();
        this.author = movement.author();
        this.idempotencyKey = movement.idempotencyKey();
        this.reason = movement.reason();
    }

    static LedgerEntry amendment(Envelope envelope, Money newCeiling, Movement movement) {
        return new LedgerEntry(envelope.id(), null, null, EntryKind.AMEND, newCeiling, movement);
    }

    public Long id() {
        return id;
    }

    public Long envelopeId() {
        return envelopeId;
    }

    public Long commitmentId() {
        return commitmentId;
    }

    public Long requestId() {
        return requestId;
    }

    public EntryKind kind() {
        return kind;
    }

    public Money amount() {
        return amount;
    }

    public Instant at() {
        return at;
    }

    public String author() {
        return author;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public String reason() {
        return reason;
    }

    /** Whether a replay under this entry's key asks for the same movement. */
    public boolean sameMovementAs(EntryKind otherKind, Long otherEnvelopeId, Money otherAmount) {
        return kind == otherKind && envelopeId.equals(otherEnvelopeId) && amount.equals(otherAmount);
    }
}
