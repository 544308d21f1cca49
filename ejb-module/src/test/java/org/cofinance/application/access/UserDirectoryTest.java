package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.TaggedPasswordHasher;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private static final PasswordHasher HASHER = new TaggedPasswordHasher();

    private final InMemoryUsers users = new InMemoryUsers();
    private final UserDirectory directory = new UserDirectory(users, HASHER);

    @Test
    void shouldRedoAWeakerHashAtTheNextSuccessfulSignInOnly() {
        // given a user whose password was hashed with the former work factor
        users.add(new AppUser("fanny", "weak:her password", "Fanny", null, 1L, EnumSet.of(Role.FINANCE)));

        // when a wrong password is tried, then the hash stays as it was
        assertThat(directory.authenticate("fanny", "wrong".toCharArray())).isEmpty();
        assertThat(users.find("fanny").orElseThrow().passwordHash()).isEqualTo("weak:her password");

        // when she signs in, then her hash is redone with today's work factor, and still lets her in
        assertThat(directory.authenticate("fanny", "her password".toCharArray())).isPresent();
        assertThat(users.find("fanny").orElseThrow().passwordHash()).isEqualTo("strong:her password");
        assertThat(directory.authenticate("fanny", "her password".toCharArray())).isPresent();
    }
}
