package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.cofinance.application.support.InMemorySignInAttempts;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.TaggedPasswordHasher;
import org.cofinance.application.support.MutableClock;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.SignInAttempt.Channel;
import org.cofinance.domain.model.user.SignInPolicy;
import org.junit.jupiter.api.Test;

class SignInServiceTest {

    private static final String DESK = "203.0.113.10";
    private static final String ATTACKER = "198.51.100.66";

    private static final PasswordHasher HASHER = new TaggedPasswordHasher();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final InMemoryUsers users = new InMemoryUsers();
    private final SignInService signIn = new SignInService(new UserDirectory(users, HASHER),
            new InMemorySignInAttempts(), clock);

    SignInServiceTest() {
        users.add(new AppUser("cdc", "strong:cdc password", "Claude", null, 1L, EnumSet.of(Role.APPROVER)));
    }

    private SignInService.Status signIn(String name, String password, String address) {
        SignInService.Status status = signIn.signIn(name, password.toCharArray(), Channel.FORM, address).status();
        clock.advance(Duration.ofSeconds(1));
        return status;
    }

    @Test
    void shouldLockANameOnlyFromTheAddressThatFailedSoItsOwnerStillWorks() {
        // given someone who typed the approver's name with five wrong passwords from his own address
        for (int i = 0; i < SignInPolicy.MAX_FAILURES; i++) {
            assertThat(signIn("cdc", "guess " + i, ATTACKER)).isEqualTo(SignInService.Status.REFUSED);
        }

        // when he tries again, even with the right password, then he is throttled
        assertThat(signIn("cdc", "cdc password", ATTACKER)).isEqualTo(SignInService.Status.THROTTLED);

        // while the approver signs in from his desk
        assertThat(signIn("cdc", "cdc password", DESK)).isEqualTo(SignInService.Status.SIGNED_IN);
    }

    @Test
    void shouldThrottleAnAddressSprayingPasswordsOverManyNamesForAnyName() {
        // given wrong passwords from one address, each for another name
        for (int i = 0; i < SignInPolicy.MAX_FAILURES_PER_ADDRESS; i++) {
            assertThat(signIn("user" + i, "Summer2026!", ATTACKER)).isEqualTo(SignInService.Status.REFUSED);
        }

        // when any name is tried from it, even rightly, then it is refused unchecked; other addresses are not
        assertThat(signIn("cdc", "cdc password", ATTACKER)).isEqualTo(SignInService.Status.THROTTLED);
        assertThat(signIn("cdc", "cdc password", DESK)).isEqualTo(SignInService.Status.SIGNED_IN);

        // and once the window has passed since its last wrong password, the address is heard again
        clock.advance(SignInPolicy.WINDOW);
        assertThat(signIn("cdc", "cdc password", ATTACKER)).isEqualTo(SignInService.Status.SIGNED_IN);
    }

    @Test
    void shouldNotThrottleAnAddressBelowItsThreshold() {
        for (int i = 0; i < SignInPolicy.MAX_FAILURES_PER_ADDRESS - 1; i++) {
            signIn("user" + i, "Summer2026!", ATTACKER);
        }

        assertThat(signIn("cdc", "cdc password", ATTACKER)).isEqualTo(SignInService.Status.SIGNED_IN);
    }
}
