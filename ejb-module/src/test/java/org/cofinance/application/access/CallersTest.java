package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.UserEvent;
import org.cofinance.domain.model.user.UserRepository;
import org.junit.jupiter.api.Test;

class CallersTest {

    /** Any read of the store fails the test. */
    private final Callers callers = new Callers(new UserRepository() {
        @Override
        public Optional<AppUser> find(String username) {
            throw new AssertionError("the store was read for " + username);
        }

        @Override
        public List<AppUser> list() {
            throw new AssertionError("the store was read");
        }

        @Override
        public List<AppUser> enabled() {
            throw new AssertionError("the store was read");
        }

        @Override
        public List<String> emailsOf(Role role, Long organisationId) {
            throw new AssertionError("the store was read");
        }

        @Override
        public List<AppUser> withEmail(String email) {
            throw new AssertionError("the store was read for " + email);
        }

        @Override
        public void add(AppUser user) {
            throw new AssertionError("the store was written");
        }

        @Override
        public void record(UserEvent event) {
            throw new AssertionError("the store was written");
        }
    });

    @Test
    void shouldTakeTheCallerTheChannelReadAtSignInWithoutReadingTheStoreAgain() {
        // given the API's filter signed in the caller it read from the store for this call
        Caller approver = new Caller("cdc", Set.of(Role.APPROVER), 1L);
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(approver)) {

            // when a service asks who calls
            Caller current = callers.current();

            // then it is that caller, with his roles and organisation
            assertThat(current).isEqualTo(approver);
        }
    }

    @Test
    void shouldForgetTheCallerWhenTheScopeCloses() {
        // given a caller signed in for a call that has ended
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(new Caller("cdc", Set.of(Role.APPROVER), 1L))) {
            assertThat(SignedInUser.caller()).isPresent();
        }

        // when a service asks who calls, then nobody is signed in
        assertThat(SignedInUser.caller()).isEmpty();
        assertThat(SignedInUser.username()).isEmpty();
        assertThatThrownBy(callers::current).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldKeepItsOwnCopyOfTheRoles() {
        // given roles read from the store
        Set<Role> roles = EnumSet.of(Role.OFFICER);
        Caller officer = new Caller("officer", roles, null);

        // when the set they came in changes afterwards
        roles.add(Role.ADMIN);

        // then the caller keeps the roles he was read with
        assertThat(officer.roles()).containsExactly(Role.OFFICER);
        assertThat(officer.has(Role.ADMIN)).isFalse();
    }
}
