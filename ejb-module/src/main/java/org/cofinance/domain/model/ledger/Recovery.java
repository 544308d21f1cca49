package org.cofinance.domain.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/**
 * An order to pay back money paid on a commitment (ordre de reversement): ISSUED by the funder's finance, then
 * RECOVERED when the money came back (the ledger books it) or CANCELLED (nothing moves). What recoveries ask never
 * exceeds what was paid and not yet recovered.
 */
@Entity
@Table(name = "recovery")
public class Recovery {

    public enum Status {
        ISSUED, RECOVERED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id", updatable = false)
    private Commitment commitment;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private Money amount;

    @Column(nullable = false, length = 1000, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "issued_by", nullable = false, length = 64, updatable = false)
    private String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected Recovery() {
    }

    /**
     * @param outstanding what the commitment's other recoveries ask and have not received yet
     * @throws DomainException when the amount exceeds what was paid and is not already being recovered
     */
    public Recovery(Commitment commitment, Money amount, Money outstanding, String reason, String issuedBy,
                    Instant at) {
        this.commitment = Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(amount, "amount");
        Money recoverable = commitment.disbursed().minus(outstanding);
        if (!amount.isPositive() || amount.isGreaterThan(recoverable)) {
            throw new DomainException("a recovery asks back at most what was paid and is not yet recovered or "
                    + "asked back: " + recoverable.toPlainString() + " EUR on commitment " + commitment.id());
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("a recovery gives its reason");
        }
        this.amount = amount;
        this.reason = reason.strip();
        this.issuedBy = Objects.requireNonNull(issuedBy, "issuedBy");
        this.issuedAt = Objects.requireNonNull(at, "at");
        this.status = Status.ISSUED;
    }

    /** The money came back: the commitment books it; the entries are returned for storing. */
    public List<LedgerEntry> received(Movement movement) {
        requireIssued();
        this.status = Status.RECOVERED;
        this.decidedBy = movement.author();
        this.decidedAt = movement.at();
        return commitment.recover(amount, movement);
    }

    /** The order is withdrawn: nothing moves. */
    public void cancel(String by, Instant at) {
        requireIssued();
        this.status = Status.CANCELLED;
        this.decidedBy = Objects.requireNonNull(by, "by");
        this.decidedAt = Objects.requireNonNull(at, "at");
    }

    private void requireIssued() {
        if (status != Status.ISSUED) {
            throw new DomainException("recovery " + id + " is already " + status);
        }
    }

    public Long id() {
        return id;
    }

    public Commitment commitment() {
        return commitment;
    }

    public Money amount() {
        return amount;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public String issuedBy() {
        return issuedBy;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
