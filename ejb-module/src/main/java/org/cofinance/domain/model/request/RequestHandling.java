package org.cofinance.domain.model.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/**
 * Who handled a request and when: registered it, submitted it, gave the instruction's answer, signed its convention.
 * Whoever registered, submitted or instructed a request never decides on it.
 */
@Embeddable
public class RequestHandling {

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "submitted_by", length = 64)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "instructed_by", length = 64)
    private String instructedBy;

    @Column(name = "convention_signed_by", length = 64)
    private String conventionSignedBy;

    @Column(name = "convention_signed_at")
    private Instant conventionSignedAt;

    protected RequestHandling() {
    }

    RequestHandling(String createdBy, Instant createdAt) {
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    void submitted(String author, Instant at) {
        this.submittedBy = author;
        this.submittedAt = at;
    }

    /** The last one to instruct is the instructing officer. */
    void instructed(String officer) {
        this.instructedBy = officer;
    }

    void conventionSigned(String officer, Instant at) {
        this.conventionSignedBy = officer;
        this.conventionSignedAt = at;
    }

    public boolean wasHandledBy(String username) {
        return username.equals(createdBy) || username.equals(submittedBy) || username.equals(instructedBy);
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String instructedBy() {
        return instructedBy;
    }

    public String conventionSignedBy() {
        return conventionSignedBy;
    }

    public Instant conventionSignedAt() {
        return conventionSignedAt;
    }
}
