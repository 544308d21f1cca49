package org.cofinance.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.infrastructure.security.PasswordHashing;
import org.cofinance.infrastructure.security.VerifiedCredentials;

/**
 * Checks credentials against the application's identity store (users, roles, organisation). A disabled account is
 * refused even while its credentials are remembered as verified.
 */
@Stateless
public class UserDirectory {

    private static final VerifiedCredentials VERIFIED = new VerifiedCredentials(Duration.ofMinutes(5),
            Clock.systemUTC());

    @PersistenceContext
    private EntityManager em;

    /** The user's role names when the password matches an enabled account. */
    public Optional<Set<String>> authenticate(String username, char[] password) {
        AppUser user = username == null ? null : em.find(AppUser.class, username);
        if (user == null || !user.isEnabled()) {
            // the same work as a real check, so that timing does not tell which user names exist
            PasswordHashing.verify(password, DUMMY_HASH);
            return Optional.empty();
        }
        if (!VERIFIED.contains(username, password)) {
            if (!PasswordHashing.verify(password, user.passwordHash())) {
                return Optional.empty();
            }
            VERIFIED.remember(username, password);
        }
        return Optional.of(user.roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()));
    }

    private static final String DUMMY_HASH = PasswordHashing.hash("not-a-password".toCharArray());
}
