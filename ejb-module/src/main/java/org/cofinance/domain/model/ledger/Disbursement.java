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
import java.util.Objects;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;

/**
 * A tranche of a commitment to pay (versement): asked by an officer on evidence, then paid or refused by finance.
 * Whoever asked for a payment never validates it.
 */
@Entity
@Table(name = "disbursement")
public class Disbursement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commitment_id", updatable = false)
    private Commitment commitment;

    @Column(nullable = false, precision = 19, scale = 2, updatable = false)
    private Money amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DisbursementStatus status;

    @Column(length = 1000, updatable = false)
    private String evidence;

    @Column(name = "requested_by", nullable = false, length = 64, updatable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    /** The tranche of the convention this payment belongs to, when the workflow booked it. */
    @Column(name = "tranche_id", updatable = false)
    private Long trancheId;

    /** A funder's share of its tranche, asked by the tranche's evidence; otherwise a payment asked in advance of it. */
    @Column(name = "tranche_share", nullable = false, updatable = false)
    private boolean trancheShare;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Version
    private long version;

    protected Disbursement() {
    }

    /**
     * @param pending what other disbursements of the commitment already ask and are not yet decided
     */
    public Disbursement(Commitment commitment, Money amount, Money pending, String evidence, String requestedBy,
                        Instant at) {
        this.commitment = Objects.requireNonNull(commitment, "commitment");
        if (commitment.status() != CommitmentStatus.COMMITTED && commitment.status() != CommitmentStatus.DISBURSED) {
            throw new DomainException("only a committed commitment is disbursed (this one is "
                    + commitment.status() + ")");
        }
        Money payable = commitment.payable().minus(pending);
        if (amount == null || !amount.isPositive() || amount.isGreaterThan(payable)) {
            throw new DomainException("a disbursement is positive and at most the " + payable.toPlainString()
                    + " EUR still to pay on this commitment");
        }
        this.amount = amount;
        this.evidence = evidence;
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        this.status = DisbursementStatus.REQUESTED;
    }

    /** A payment of a convention's tranche, asked by whoever recorded its evidence. */
    public static Disbursement ofTranche(Long trancheId, Commitment commitment, Money amount, String evidence,
                                         String requestedBy, Instant at) {
        Disbursement disbursement = new Disbursement(commitment, amount, Money.ZERO, evidence, requestedBy, at);
        disbursement.trancheId = trancheId;
        disbursement.trancheShare = true;
        return disbursement;
    }

    /**
     * A payment an officer asks on the commitment, on evidence, in advance of a tranche of the signed schedule: it
     * is deducted from the funder's share when that tranche's evidence asks it.
     */
    public static Disbursement inAdvanceOf(Long trancheId, Commitment commitment, Money amount, Money pending,
                                           String evidence, String requestedBy, Instant at) {
        Disbursement disbursement = new Disbursement(commitment, amount, pending, evidence, requestedBy, at);
        disbursement.trancheId = Objects.requireNonNull(trancheId, "tranche");
        return disbursement;
    }

    public Long trancheId() {
        return trancheId;
    }

    /** Whether it is a funder's share of its tranche, answered from that funder's task, rather than an advance. */
    public boolean isTrancheShare() {
        return trancheShare;
    }

    /** Finance validates the payment: the commitment pays the tranche; the entry is returned for storing. */
    public LedgerEntry pay(String validator, Movement movement) {
        decide(validator, movement.at());
        this.status = DisbursementStatus.PAID;
        return commitment.disburse(amount, movement);
    }

    public void refuse(String validator, Instant at) {
        decide(validator, at);
        this.status = DisbursementStatus.REFUSED;
    }

    private void decide(String validator, Instant at) {
        if (status != DisbursementStatus.REQUESTED) {
            throw new DomainException("disbursement " + id + " is already " + status);
        }
        if (requestedBy.equals(validator)) {
            throw new SegregationOfDutiesException("whoever asked for a payment never validates it");
        }
        this.decidedBy = validator;
        this.decidedAt = at;
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

    public DisbursementStatus status() {
        return status;
    }

    public String evidence() {
        return evidence;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
