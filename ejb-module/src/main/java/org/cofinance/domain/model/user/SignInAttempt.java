package org.cofinance.domain.model.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One try to sign in (or a sign-out), as audited: the name typed, the channel, where from, when (UTC), how it ended. */
@Entity
@Table(name = "sign_in_attempt")
public class SignInAttempt {

    public enum Channel { FORM, BASIC, OIDC, BEARER }

    public enum Outcome { SUCCESS, BAD_CREDENTIALS, THROTTLED, SIGNED_OUT, UNKNOWN_IDENTITY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64, updatable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10, updatable = false)
    private Channel channel;

    @Column(name = "remote_address", length = 64, updatable = false)
    private String remoteAddress;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Outcome outcome;

    protected SignInAttempt() {
    }

    public SignInAttempt(String username, Channel channel, String remoteAddress, Instant at, Outcome outcome) {
        this.username = normalise(username);
        this.channel = Objects.requireNonNull(channel);
        this.remoteAddress = remoteAddress == null ? null : truncate(remoteAddress, 64);
        this.at = Objects.requireNonNull(at);
        this.outcome = Objects.requireNonNull(outcome);
    }

    /** The name as the store compares it: trimmed, lower-case, at most 64 characters. */
    public static String normalise(String username) {
        return username == null ? "" : truncate(username.strip().toLowerCase(java.util.Locale.ROOT), 64);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public String username() {
        return username;
    }

    public Channel channel() {
        return channel;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public Instant at() {
        return at;
    }

    public Outcome outcome() {
        return outcome;
    }
}
