package org.cofinance.domain.model.request;

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
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;

/** One organisation's answer on one request, with its author, time (UTC) and reasons. Never changed once given. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", updatable = false)
    private FundingRequest request;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private Long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private DecisionOutcome outcome;

    @Column(precision = 19, scale = 2, updatable = false)
    private Money amount;

    @Column(length = 4000, updatable = false)
    private String comment;

    @Column(nullable = false, length = 64, updatable = false)
    private String author;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "task_id", length = 64, updatable = false)
    private String taskId;

    /** A digest of the organisation's plan lines when it decided. */
    @Column(name = "plan_fingerprint", length = 64, updatable = false)
    private String planFingerprint;

    /** The round of decisions (the routing of the plan) it was given in; 0 for the decisions before rounds were kept. */
    @Column(nullable = false, updatable = false)
    private int round;

    /** The committee level of the organisation that decided, when its decision goes through levels. */
    @Column(length = 40, updatable = false)
    private String level;

    /** The length of the {@code decision.comment} column. */
    public static final int MAX_COMMENT = 4000;

    protected Decision() {
    }

    /**
     * An organisation's answer on the part of the plan it was asked ({@code asked}); only a reduced approval names an
     * amount, a positive one below what was asked.
     *
     * @throws ValidationException on the amount, when it does not fit the outcome
     */
    static Decision on(FundingRequest request, Long organisationId, String level, DecisionOutcome outcome, Money amount,
                       Money asked, String comment, String author, Instant decidedAt, String taskId,
                       String planFingerprint, int round) {
        Objects.requireNonNull(outcome, "decision");
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ValidationException.of("comment", "has at most " + MAX_COMMENT + " characters");
        }
        if (outcome == DecisionOutcome.APPROVE_REDUCED) {
            if (amount == null || !amount.isPositive() || !amount.isLessThan(asked)) {
                throw ValidationException.of("amount", "a reduced approval names a positive amount below the "
                        + asked.toPlainString() + " EUR asked");
            }
        } else if (amount != null) {
            throw ValidationException.of("amount", "only a reduced approval names an amount");
        }
        return new Decision(request, organisationId, level, outcome, amount, comment, author, decidedAt, taskId,
                planFingerprint, round);
    }

    private Decision(FundingRequest request, Long organisationId, String level, DecisionOutcome outcome, Money amount,
             String comment, String author, Instant decidedAt, String taskId, String planFingerprint, int round) {
        this.request = request;
        this.round = round;
        this.level = level;
        this.planFingerprint = planFingerprint;
        this.organisationId = organisationId;
        this.outcome = outcome;
        this.amount = amount;
        this.comment = comment;
        this.author = author;
        this.decidedAt = decidedAt;
        this.taskId = taskId;
    }

    public int round() {
        return round;
    }

    public String planFingerprint() {
        return planFingerprint;
    }

    public String level() {
        return level;
    }

    public Long id() {
        return id;
    }

    public Long organisationId() {
        return organisationId;
    }

    public DecisionOutcome outcome() {
        return outcome;
    }

    public Optional<Money> amount() {
        return Optional.ofNullable(amount);
    }

    public String comment() {
        return comment;
    }

    public String author() {
        return author;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String taskId() {
        return taskId;
    }
}
