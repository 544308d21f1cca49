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
import org.cofinance.domain.model.shared.ValidationException;

/** A funder's answer on an amendment at one of its committee levels: who, when (UTC), why. Never changed. */
@Entity
@Table(name = "amendment_decision")
public class AmendmentDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "amendment_id", updatable = false)
    private Amendment amendment;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private Long organisationId;

    @Column(length = 40, updatable = false)
    private String level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private DecisionOutcome outcome;

    @Column(length = 4000, updatable = false)
    private String comment;

    @Column(nullable = false, length = 64, updatable = false)
    private String author;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    @Column(name = "task_id", length = 64, updatable = false)
    private String taskId;

    protected AmendmentDecision() {
    }

    AmendmentDecision(Amendment amendment, Long organisationId, String level, DecisionOutcome outcome, String comment,
                      String author, Instant decidedAt, String taskId) {
        if (comment != null && comment.length() > Decision.MAX_COMMENT) {
            throw ValidationException.of("comment", "is at most " + Decision.MAX_COMMENT + " characters");
        }
        this.amendment = amendment;
        this.organisationId = Objects.requireNonNull(organisationId, "organisation");
        this.level = level;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
        this.author = Objects.requireNonNull(author, "author");
        this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
        this.taskId = taskId;
    }

    public Long id() {
        return id;
    }

    public Long organisationId() {
        return organisationId;
    }

    public String level() {
        return level;
    }

    public DecisionOutcome outcome() {
        return outcome;
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
}
