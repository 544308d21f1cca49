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

/**
 * What an administrator did to a user's access: created him, changed his roles, reset his password, enabled or
 * disabled him — who did it and when (UTC). Never changed nor deleted (a trigger keeps them, as for the ledger).
 */
@Entity
@Table(name = "user_event")
public class UserEvent {

    public enum Kind { USER_CREATED, ROLES_CHANGED, PASSWORD_RESET, USER_ENABLED, USER_DISABLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private Kind event;

    @Column(nullable = false, length = 64, updatable = false)
    private String username;

    @Column(nullable = false, length = 64, updatable = false)
    private String author;

    @Column(length = 1000, updatable = false)
    private String detail;

    protected UserEvent() {
    }

    public UserEvent(Kind event, String username, String author, Instant at, String detail) {
        this.event = Objects.requireNonNull(event, "event");
        this.username = Objects.requireNonNull(username, "username");
        this.author = Objects.requireNonNull(author, "author");
        this.at = Objects.requireNonNull(at, "at");
        this.detail = detail;
    }

    public Kind event() {
        return event;
    }

    public String username() {
        return username;
    }

    public String author() {
        return author;
    }

    public Instant at() {
        return at;
    }

    public String detail() {
        return detail;
    }
}
