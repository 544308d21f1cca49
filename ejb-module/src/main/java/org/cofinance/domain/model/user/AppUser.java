package org.cofinance.domain.model.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A person who signs in: his password hash (PBKDF2), his roles and the organisation he acts for. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    @Column(length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 254)
    private String email;

    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Set when an administrator chose the password (creation, reset): the user chooses his own before working. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    /** When the password was last reset or the account disabled: sessions signed in before are over. */
    @Column(name = "sessions_valid_from")
    private Instant sessionsValidFrom;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "username"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, String displayName, String email, Long organisationId,
                   Set<Role> roles) {
        if (username == null || !username.matches("[a-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("a user name is 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if ((roles.contains(Role.APPROVER) || roles.contains(Role.SUPERVISOR)) && organisationId == null) {
            throw new IllegalArgumentException("an approver or a supervisor acts for an organisation");
        }
        this.username = username;
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.displayName = displayName;
        this.email = email;
        this.organisationId = organisationId;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Long organisationId() {
        return organisationId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    /** Gives the user new roles and organisation; an approver always acts for an organisation. */
    public void reassign(Set<Role> newRoles, Long newOrganisationId) {
        if ((newRoles.contains(Role.APPROVER) || newRoles.contains(Role.SUPERVISOR)) && newOrganisationId == null) {
            throw new IllegalArgumentException("an approver or a supervisor acts for an organisation");
        }
        this.roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
        this.organisationId = newOrganisationId;
    }

    /** Enables or disables the account; disabling ends its sessions. */
    public void enable(boolean enabled, Instant at) {
        if (this.enabled && !enabled) {
            sessionsValidFrom = at;
        }
        this.enabled = enabled;
    }

    /** An administrator sets the password: the user's sessions end, and he chooses his own at his next sign-in. */
    public void resetPassword(String passwordHash, Instant at) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.passwordChangeRequired = true;
        this.sessionsValidFrom = at;
    }

    /** The password was chosen by an administrator (at the account's creation): the user chooses his own first. */
    public void requirePasswordChange() {
        this.passwordChangeRequired = true;
    }

    /** A stronger hash of the same password, made at sign-in once the password was checked: nothing else changes. */
    public void rehash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
    }

    /** The user chooses his own password (the caller checked the current one). */
    public void choosePassword(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.passwordChangeRequired = false;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** Whether a session signed in at {@code signedInAt} may go on: the account is enabled and was not reset since. */
    public boolean sessionStillValid(Instant signedInAt) {
        return enabled && (sessionsValidFrom == null || signedInAt != null && signedInAt.isAfter(sessionsValidFrom));
    }
}
