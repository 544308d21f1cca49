package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.cofinance.application.support.InMemorySignInAttempts;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.MutableClock;
import org.cofinance.application.support.TaggedPasswordHasher;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.domain.model.user.SignInAttempt.Channel;
import org.junit.jupiter.api.Test;

/** Single sign-on: which Cofinance user an identity provider's identity is, and what the audit keeps of it. */
class FederatedSignInTest {

    private static final String ISSUER = "https://proconnect.example/realms/agents";
    private static final String DESK = "203.0.113.10";

    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    private final SignInService signIn = new SignInService(new UserDirectory(users, new TaggedPasswordHasher()),
            attempts, new MutableClock(Instant.parse("2026-12-03T09:00:00Z")));

    FederatedSignInTest() {
        users.add(new AppUser("cdc", "strong:x", "Claude", "Claude.Martin@cdc.test", 1L, EnumSet.of(Role.APPROVER)));
        users.add(new AppUser("officer", "strong:x", "Odile", "odile@cofinance.test", null,
                EnumSet.of(Role.OFFICER)));
    }

    private static FederatedIdentity identity(String username, String email, boolean verified) {
        return new FederatedIdentity(ISSUER, "sub-1", username, email, verified);
    }

    @Test
    void shouldSignInTheOneUserWhoseAddressTheProviderVerifiedWithHisOwnRolesAndOrganisation() {
        // when the provider vouches for a verified address, written in another case
        SignInService.Result result = signIn.signIn(identity(null, "claude.martin@CDC.test", true), Channel.OIDC,
                DESK);

        // then the approver is signed in with Cofinance's roles and organisation, no password to change
        assertThat(result.signedIn()).isTrue();
        assertThat(result.caller().username()).isEqualTo("cdc");
        assertThat(result.caller().roles()).containsExactly(Role.APPROVER);
        assertThat(result.caller().organisationId()).isEqualTo(1L);
        assertThat(result.passwordChangeRequired()).isFalse();
        assertThat(attempts.all()).extracting(SignInAttempt::outcome)
                .containsExactly(SignInAttempt.Outcome.SUCCESS);
    }

    @Test
    void shouldPreferTheConfiguredClaimToTheAddress() {
        // when the provider sends the Cofinance user name in its claim, then that user is signed in
        assertThat(signIn.signIn(identity("officer", "claude.martin@cdc.test", true), Channel.BEARER, DESK)
                .caller().username()).isEqualTo("officer");
        // and an API call is not audited when it succeeds
        assertThat(attempts.all()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnverifiedAddressAnUnknownOneASharedOneAndADisabledAccount() {
        // given a second user with the officer's address, and a disabled one
        users.add(new AppUser("officer2", "strong:x", "Autre", "ODILE@cofinance.test", null,
                EnumSet.of(Role.OFFICER)));
        AppUser gone = new AppUser("gone", "strong:x", "Parti", "gone@cofinance.test", null, EnumSet.of(Role.OFFICER));
        gone.enable(false, Instant.parse("2026-12-01T00:00:00Z"));
        users.add(gone);

        // then none of them is signed in
        assertThat(signIn.signIn(identity(null, "claude.martin@cdc.test", false), Channel.OIDC, DESK).signedIn())
                .isFalse();
        assertThat(signIn.signIn(identity(null, "nobody@cofinance.test", true), Channel.OIDC, DESK).signedIn())
                .isFalse();
        assertThat(signIn.signIn(identity(null, "odile@cofinance.test", true), Channel.OIDC, DESK).signedIn())
                .isFalse();
        assertThat(signIn.signIn(identity(null, "gone@cofinance.test", true), Channel.OIDC, DESK).signedIn())
                .isFalse();
        assertThat(signIn.signIn(identity("gone", null, false), Channel.BEARER, DESK).signedIn()).isFalse();

        // and each refusal is audited as an identity no user answers to
        assertThat(attempts.all()).hasSize(5).allSatisfy(a -> assertThat(a.outcome())
                .isEqualTo(SignInAttempt.Outcome.UNKNOWN_IDENTITY));
        assertThat(attempts.all().get(1).username()).isEqualTo("nobody@cofinance.test");
    }
}
