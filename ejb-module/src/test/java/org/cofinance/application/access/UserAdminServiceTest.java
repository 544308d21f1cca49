package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.TaggedPasswordHasher;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.UserEvent;
import org.junit.jupiter.api.Test;

class UserAdminServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null);

    private static final PasswordHasher HASHER = new TaggedPasswordHasher();

    private final InMemoryUsers users = new InMemoryUsers();
    private final Organisation cdc = org.cofinance.domain.model.TestIds.withId(
            new Organisation("CDC", OrganisationKind.CDC, null), 1L);
    private final UserAdminService service = new UserAdminService(users, new InMemoryOrganisations(cdc), HASHER,
            new Callers(users), Clock.fixed(NOW, ZoneOffset.UTC));

    private static <T> T as(Caller caller, Supplier<T> call) {
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(caller)) {
            return call.get();
        }
    }

    private static void as(Caller caller, Runnable call) {
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(caller)) {
            call.run();
        }
    }

    private UserAdminService.NewUser newUser(String username, Set<Role> roles) {
        return new UserAdminService.NewUser(username, null, null, 1L, roles, "chosen by the admin".toCharArray());
    }

    @Test
    void shouldCreateAUserWhoMustChooseHisOwnPasswordAndAuditIt() {
        as(ADMIN, () -> service.create(newUser("fanny", EnumSet.of(Role.FINANCE))));

        AppUser fanny = users.find("fanny").orElseThrow();
        assertThat(fanny.passwordChangeRequired()).isTrue();
        assertThat(fanny.displayName()).isEqualTo("fanny");
        assertThat(users.events()).extracting(UserEvent::event, UserEvent::username, UserEvent::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UserEvent.Kind.USER_CREATED, "fanny", "admin"));
    }

    @Test
    void shouldRefuseAnAdministratorWhoWouldAlsoInstructDecideOrPayAndChangeNothing() {
        for (Role role : List.of(Role.OFFICER, Role.APPROVER, Role.FINANCE)) {
            assertThatThrownBy(() -> as(ADMIN, () -> service.create(newUser("mixed", EnumSet.of(Role.ADMIN, role)))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).contains("roles"));
        }
        as(ADMIN, () -> service.create(newUser("fanny", EnumSet.of(Role.FINANCE))));
        assertThatThrownBy(() -> as(ADMIN, () -> service.changeRoles("fanny", EnumSet.of(Role.ADMIN, Role.FINANCE))))
                .isInstanceOf(ValidationException.class);

        assertThat(users.find("mixed")).isEmpty();
        assertThat(users.find("fanny").orElseThrow().roles()).containsExactly(Role.FINANCE);
        assertThat(users.events()).extracting(UserEvent::event).containsExactly(UserEvent.Kind.USER_CREATED);
    }

    @Test
    void shouldAuditRoleChangesEnablingAndResetsButNotAnUnchangedForm() {
        as(ADMIN, () -> service.create(newUser("fanny", EnumSet.of(Role.FINANCE))));

        as(ADMIN, () -> service.reassign("fanny", EnumSet.of(Role.FINANCE), 1L, true));
        as(ADMIN, () -> service.changeRoles("fanny", EnumSet.of(Role.OFFICER)));
        as(ADMIN, () -> service.setEnabled("fanny", false));
        as(ADMIN, () -> service.setEnabled("fanny", true));
        as(ADMIN, () -> service.resetPassword("fanny", "reset by the admin".toCharArray()));

        assertThat(users.events()).extracting(UserEvent::event).containsExactly(UserEvent.Kind.USER_CREATED,
                UserEvent.Kind.ROLES_CHANGED, UserEvent.Kind.USER_DISABLED, UserEvent.Kind.USER_ENABLED,
                UserEvent.Kind.PASSWORD_RESET);
        AppUser fanny = users.find("fanny").orElseThrow();
        assertThat(fanny.passwordChangeRequired()).isTrue();
        assertThat(fanny.sessionStillValid(NOW.minusSeconds(1))).as("a session from before the reset").isFalse();
        assertThat(fanny.sessionStillValid(NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void shouldLetAUserChangeHisOwnPasswordOnlyWithTheCurrentOne() {
        as(ADMIN, () -> service.create(newUser("fanny", EnumSet.of(Role.FINANCE))));
        Caller fanny = Caller.of(users.find("fanny").orElseThrow());

        assertThatThrownBy(() -> as(fanny, () -> service.changeOwnPassword("wrong".toCharArray(),
                "my very own secret".toCharArray()))).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(Violation::field).containsExactly("current"));
        assertThatThrownBy(() -> as(fanny, () -> service.changeOwnPassword("chosen by the admin".toCharArray(),
                "chosen by the admin".toCharArray()))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(fanny, () -> service.changeOwnPassword("chosen by the admin".toCharArray(),
                "short".toCharArray()))).isInstanceOf(ValidationException.class);
        assertThat(users.find("fanny").orElseThrow().passwordChangeRequired()).isTrue();

        as(fanny, () -> service.changeOwnPassword("chosen by the admin".toCharArray(),
                "my very own secret".toCharArray()));

        AppUser changed = users.find("fanny").orElseThrow();
        assertThat(changed.passwordChangeRequired()).isFalse();
        assertThat(HASHER.verify("my very own secret".toCharArray(), changed.passwordHash())).isTrue();
    }

    @Test
    void shouldLetOnlyAnAdministratorAdministerUsers() {
        Caller finance = new Caller("finance", Set.of(Role.FINANCE), 1L);

        assertThatThrownBy(() -> as(finance, () -> service.create(newUser("x1", EnumSet.of(Role.OFFICER)))))
                .isInstanceOf(org.cofinance.application.shared.AccessDeniedException.class);
        assertThatThrownBy(() -> as(finance, () -> service.setEnabled("admin", false)))
                .isInstanceOf(org.cofinance.application.shared.AccessDeniedException.class);
        assertThat(users.events()).isEmpty();
    }
}
