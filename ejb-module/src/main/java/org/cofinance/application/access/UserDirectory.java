package org.cofinance.application.access;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.UserRepository;

/**
 * Checks credentials against the application's identity store (users, roles, organisation). A disabled account is
 * refused even while its credentials are remembered as verified.
 */
@Stateless
public class UserDirectory {

    private static final VerifiedCredentials VERIFIED = new VerifiedCredentials(Duration.ofMinutes(5),
            Clock.systemUTC());

    /** A hash of no one's password, checked when the user is unknown: its cost hides which user names exist. */
    private static volatile String dummyHash;

    private final UserRepository users;
    private final PasswordHasher hasher;

    @Inject
    public UserDirectory(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    /** For the container's proxies only. */
    protected UserDirectory() {
        this(null, null);
    }

    /** The caller, with his roles and organisation, when the password matches an enabled account. */
    public Optional<Caller> authenticate(String username, char[] password) {
        AppUser user = enabledUser(username);
        if (user == null) {
            // the same work as a real check, so that timing does not tell which user names exist
            hasher.verify(password, dummyHash());
            return Optional.empty();
        }
        if (!VERIFIED.contains(username, user.passwordHash(), password)) {
            if (!hasher.verify(password, user.passwordHash())) {
                return Optional.empty();
            }
            if (hasher.needsRehash(user.passwordHash())) {
                user.rehash(hasher.hash(password));
            }
            VERIFIED.remember(username, user.passwordHash(), password);
        }
        return Optional.of(Caller.of(user));
    }

    /**
     * The caller an identity provider vouches for: the enabled user named by the configured claim when the provider
     * sends it, else the one enabled user whose e-mail address the provider verified. Never a disabled account, never
     * a guess between two users sharing an address.
     */
    public Optional<Caller> federated(FederatedIdentity identity) {
        if (identity.username() != null) {
            return Optional.ofNullable(enabledUser(identity.username())).map(Caller::of);
        }
        if (identity.email() == null || !identity.emailVerified()) {
            return Optional.empty();
        }
        List<AppUser> matching = users.withEmail(identity.email());
        if (matching.size() != 1 || !matching.get(0).isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(Caller.of(matching.get(0)));
    }

    /** Whether this node verified the same name and password, against the password stored now, a few minutes ago. */
    public boolean rememberedAsVerified(String username, char[] password) {
        AppUser user = enabledUser(username);
        return user != null && VERIFIED.contains(username, user.passwordHash(), password);
    }

    public boolean passwordChangeRequired(String username) {
        return users.find(username).map(AppUser::passwordChangeRequired).orElse(false);
    }

    public boolean sessionStillValid(String username, Instant signedInAt) {
        return users.find(username).filter(user -> user.sessionStillValid(signedInAt)).isPresent();
    }

    private AppUser enabledUser(String username) {
        return users.find(username).filter(AppUser::isEnabled).orElse(null);
    }

    /**
     * The e-mail addresses of the members of the process engine's candidate groups and of the escalation groups:
     * {@code officers}, {@code finance}, {@code approvers-<organisation id>}, {@code escalation-<organisation id>}.
     */
    public List<String> emailsOfGroups(Set<String> groups) {
        Set<String> emails = new TreeSet<>();
        for (String group : groups) {
            if (FundingRequestProcess.OFFICERS_GROUP.equals(group)) {
                emails.addAll(users.emailsOf(Role.OFFICER, null));
            } else if (FundingRequestProcess.FINANCE_GROUP.equals(group)) {
                emails.addAll(users.emailsOf(Role.FINANCE, null));
            } else if (FundingRequestProcess.organisationOfFinance(group).isPresent()) {
                emails.addAll(users.emailsOf(Role.FINANCE, FundingRequestProcess.organisationOfFinance(group).get()));
            } else if (FundingRequestProcess.organisationOfApprovers(group).isPresent()) {
                emails.addAll(users.emailsOf(Role.APPROVER,
                        FundingRequestProcess.organisationOfApprovers(group).get()));
            } else if (group.startsWith("escalation-")) {
                organisationOf(group, "escalation-").ifPresent(org -> emails.addAll(users.emailsOf(Role.SUPERVISOR,
                        org)));
            }
        }
        return new ArrayList<>(emails);
    }

    private static Optional<Long> organisationOf(String group, String prefix) {
        try {
            return Optional.of(Long.valueOf(group.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Optional<String> emailOf(String username) {
        return users.find(username).filter(AppUser::isEnabled).map(AppUser::email);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("not-a-password".toCharArray());
            dummyHash = hash;
        }
        return hash;
    }
}
