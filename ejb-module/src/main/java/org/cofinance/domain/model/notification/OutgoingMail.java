package org.cofinance.domain.model.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One mail to send: queued, then sent — or, while the mail server refuses it, tried again after a wait that doubles
 * from 30 seconds up to an hour, and abandoned once it has waited a day.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

    public enum Status { QUEUED, SENT, ABANDONED }

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 254, updatable = false)
    private String recipient;

    @Column(nullable = false, length = 500, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "queued_at", nullable = false, updatable = false)
    private Instant queuedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    protected OutgoingMail() {
    }

    public OutgoingMail(String recipient, String subject, String body, Instant queuedAt) {
        if (recipient == null || recipient.isBlank() || recipient.length() > 254) {
            throw new IllegalArgumentException("a mail goes to one address of at most 254 characters: " + recipient);
        }
        if (subject == null || subject.length() > 500) {
            throw new IllegalArgumentException("a mail has a subject of at most 500 characters");
        }
        this.recipient = recipient;
        this.subject = subject;
        this.body = Objects.requireNonNull(body);
        this.queuedAt = Objects.requireNonNull(queuedAt);
        this.status = Status.QUEUED;
        this.nextAttemptAt = queuedAt;
    }

    public boolean isDue(Instant now) {
        return status == Status.QUEUED && !nextAttemptAt.isAfter(now);
    }

    /** The mail server took it. */
    public void sent(Instant at) {
        requireQueued();
        attempts++;
        status = Status.SENT;
        sentAt = at;
        nextAttemptAt = null;
    }

    /** The mail server did not take it: tried again later, or abandoned once it has waited a day. */
    public void refused(Instant at, String error) {
        requireQueued();
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        Instant next = at.plus(waitAfter(attempts));
        if (next.isAfter(queuedAt.plus(GIVE_UP_AFTER))) {
            status = Status.ABANDONED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = next;
        }
    }

    static Duration waitAfter(int attempts) {
        int doublings = Math.min(attempts - 1, 10);
        Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void requireQueued() {
        if (status != Status.QUEUED) {
            throw new IllegalStateException("mail " + id + " is " + status + ", not queued");
        }
    }

    public Long id() {
        return id;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String lastError() {
        return lastError;
    }
}
