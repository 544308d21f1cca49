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
    private final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    private final SignInService signIn = new SignInService(new UserDirectory(users, HASHER), attempts, clock);

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

    private java.util.List<String> audited() {
        return attempts.all().stream().map(a -> a.username() + " " + a.channel() + " " + a.outcome() + " "
                + a.remoteAddress()).toList();
    }

    @Test
    void shouldAuditAFormsSignInOutAndFailuresButNotAnApiCallThatSucceeds() {
        // when the approver signs in on the pages, signs out, fails once, and calls the API twice
        SignInService.Result page = signIn.signIn(" CDC ", "cdc password".toCharArray(), Channel.FORM, DESK);
        signIn.signedOut("cdc", DESK);
        signIn.signIn("cdc", "wrong".toCharArray(), Channel.BASIC, null);
        signIn.signIn("cdc", "cdc password".toCharArray(), Channel.BASIC, DESK);
        signIn.signIn("cdc", "cdc password".toCharArray(), Channel.BASIC, DESK);

        // then he is signed in as himself, and the audit holds the page's acts and the failure, not the API calls
        assertThat(page.signedIn()).isTrue();
        assertThat(page.username()).isEqualTo("cdc");
        assertThat(page.caller().organisationId()).isEqualTo(1L);
        assertThat(page.passwordChangeRequired()).isFalse();
        assertThat(audited()).containsExactly("cdc FORM SUCCESS " + DESK, "cdc FORM SIGNED_OUT " + DESK,
                "cdc BASIC BAD_CREDENTIALS null");
    }

    @Test
    void shouldSayAPasswordAnAdministratorChoseMustChangeAndEndSessionsOfBeforeAReset() {
        users.find("cdc").orElseThrow().resetPassword("strong:chosen by the admin", clock.instant());
        clock.advance(Duration.ofSeconds(5));

        SignInService.Result result = signIn.signIn("cdc", "chosen by the admin".toCharArray(), Channel.FORM, DESK);

        assertThat(result.passwordChangeRequired()).isTrue();
        assertThat(signIn.passwordChangeRequired("cdc")).isTrue();
        assertThat(signIn.sessionStillValid("cdc", clock.instant().minusSeconds(60))).isFalse();
        assertThat(signIn.sessionStillValid("cdc", clock.instant())).isTrue();
    }

    @Test
    void shouldSignInTheUserAnIdentityProviderVouchesForAndRefuseAnUnknownOne() {
        FederatedIdentity known = new FederatedIdentity("https://idp", "sub-1", "cdc", null, false);
        FederatedIdentity unknown = new FederatedIdentity("https://idp", "sub-2", null, "nobody@x.fr", true);

        SignInService.Result page = signIn.signIn(known, Channel.OIDC, DESK);
        SignInService.Result api = signIn.signIn(known, Channel.BEARER, DESK);
        SignInService.Result refused = signIn.signIn(unknown, Channel.BEARER, ATTACKER);

        assertThat(page.signedIn()).isTrue();
        assertThat(page.caller().username()).isEqualTo("cdc");
        assertThat(api.signedIn()).isTrue();
        assertThat(refused.status()).isEqualTo(SignInService.Status.REFUSED);
        assertThat(refused.caller()).isNull();
        assertThat(audited()).containsExactly("cdc OIDC SUCCESS " + DESK,
                org.cofinance.domain.model.user.SignInAttempt.normalise(unknown.auditName()) + " BEARER UNKNOWN_IDENTITY " + ATTACKER);
        assertThat(SignInService.unreadable().status()).isEqualTo(SignInService.Status.REFUSED);
        assertThat(SignInService.unreadable().username()).isNull();
    }
}
