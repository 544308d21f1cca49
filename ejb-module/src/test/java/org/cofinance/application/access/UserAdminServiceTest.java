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

    private List<String> refusedFields(UserAdminService.NewUser command) {
        try {
            as(ADMIN, () -> service.create(command));
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("created");
    }

    @Test
    void shouldCreateAUserAsTypedTrimmedAndDescribeHisRolesInTheAudit() {
        UserAdminService.UserView created = as(ADMIN, () -> service.create(new UserAdminService.NewUser("fanny.b",
                "  Fanny B.  ", " fanny@cdc.fr ", 1L, EnumSet.of(Role.FINANCE, Role.APPROVER),
                "twelve chars".toCharArray())));

        assertThat(created).isEqualTo(new UserAdminService.UserView("fanny.b", "Fanny B.", "fanny@cdc.fr", 1L,
                EnumSet.of(Role.APPROVER, Role.FINANCE), true));
        assertThat(HASHER.verify("twelve chars".toCharArray(), users.find("fanny.b").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(users.events()).singleElement().satisfies(e -> {
            assertThat(e.detail()).isEqualTo("roles [APPROVER, FINANCE], organisation 1");
            assertThat(e.at()).isEqualTo(NOW);
        });
        UserAdminService.UserView officer = as(ADMIN, () -> service.create(new UserAdminService.NewUser("olivier",
                " ", "", null, null, "twelve chars".toCharArray())));
        assertThat(officer.displayName()).isEqualTo("olivier");
        assertThat(officer.email()).isNull();
        assertThat(officer.roles()).isEmpty();
        assertThat(users.events().get(1).detail()).isEqualTo("roles []");
        assertThat(as(ADMIN, () -> service.list())).extracting(UserAdminService.UserView::username)
                .containsExactly("fanny.b", "olivier");
    }

    @Test
    void shouldNameEveryMistakeOfANewUserAndCreateNobody() {
        char[] good = "twelve chars".toCharArray();
        as(ADMIN, () -> service.create(newUser("taken", EnumSet.of(Role.OFFICER))));

        assertThat(refusedFields(new UserAdminService.NewUser("Fanny", "x".repeat(201), "not-an-address", 9L,
                EnumSet.of(Role.OFFICER), "eleven char".toCharArray()))).containsExactly("username", "displayName",
                "email", "password", "organisationId");
        assertThat(refusedFields(new UserAdminService.NewUser("me", null, null, null, null, good)))
                .containsExactly("username");
        assertThat(refusedFields(new UserAdminService.NewUser("taken", null, null, null, null, good)))
                .containsExactly("username");
        assertThat(refusedFields(new UserAdminService.NewUser(null, null, null, null, null, null)))
                .containsExactly("username", "password");
        assertThat(refusedFields(new UserAdminService.NewUser("a", null, null, null, null, good)))
                .containsExactly("username");
        for (Role role : List.of(Role.APPROVER, Role.FINANCE, Role.SUPERVISOR)) {
            assertThat(refusedFields(new UserAdminService.NewUser("lone", null, null, null, EnumSet.of(role), good)))
                    .as(role.name()).containsExactly("organisationId");
        }
        assertThat(users.find("lone")).isEmpty();
        assertThat(users.list()).hasSize(1);
        assertThat(as(ADMIN, () -> service.create(new UserAdminService.NewUser("ok", "x".repeat(200),
                "a@b.fr", null, EnumSet.of(Role.OFFICER), good))).displayName()).hasSize(200);
    }

    @Test
    void shouldNeverLetAnAdministratorRemoveHisOwnAccess() {
        users.add(new AppUser("admin", "hash", "admin", null, null, EnumSet.of(Role.ADMIN)));

        assertThatThrownBy(() -> as(ADMIN, () -> service.setEnabled("admin", false)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("roles"));
        assertThatThrownBy(() -> as(ADMIN, () -> service.changeRoles("admin", EnumSet.of(Role.SUPERVISOR))))
                .isInstanceOf(ValidationException.class);
        assertThat(users.find("admin").orElseThrow().isEnabled()).isTrue();
        assertThat(users.events()).isEmpty();
    }

    @Test
    void shouldAnswerTheChangedUserAndAuditAnOrganisationChangeAlone() {
        Organisation region = org.cofinance.domain.model.TestIds.withId(new Organisation("Région",
                OrganisationKind.REGION, null), 2L);
        UserAdminService twoOrganisations = new UserAdminService(users, new InMemoryOrganisations(cdc, region),
                HASHER, new Callers(users), Clock.fixed(NOW, ZoneOffset.UTC));
        as(ADMIN, () -> twoOrganisations.create(newUser("fanny", EnumSet.of(Role.FINANCE))));

        UserAdminService.UserView moved = as(ADMIN, () -> twoOrganisations.reassign("fanny", EnumSet.of(Role.FINANCE),
                2L, true));
        UserAdminService.UserView disabled = as(ADMIN, () -> twoOrganisations.setEnabled("fanny", false));
        UserAdminService.UserView changed = as(ADMIN, () -> twoOrganisations.changeRoles("fanny",
                EnumSet.of(Role.APPROVER)));

        assertThat(moved.organisationId()).isEqualTo(2L);
        assertThat(disabled.enabled()).isFalse();
        assertThat(changed.roles()).containsExactly(Role.APPROVER);
        assertThat(changed.enabled()).isFalse();
        assertThat(users.events()).extracting(UserEvent::detail).containsExactly(
                "roles [FINANCE], organisation 1", "roles [FINANCE], organisation 2", null,
                "roles [APPROVER], organisation 2");
        assertThatThrownBy(() -> as(ADMIN, () -> twoOrganisations.changeRoles("fanny", null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(ADMIN, () -> twoOrganisations.setEnabled("nobody", true)))
                .isInstanceOf(org.cofinance.application.shared.NotFoundException.class);
    }

    @Test
    void shouldRefuseAShortPasswordOnAResetAndChangeNothing() {
        as(ADMIN, () -> service.create(newUser("fanny", EnumSet.of(Role.FINANCE))));
        String hash = users.find("fanny").orElseThrow().passwordHash();

        assertThatThrownBy(() -> as(ADMIN, () -> service.resetPassword("fanny", "eleven char".toCharArray())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(ADMIN, () -> service.resetPassword("fanny", null)))
                .isInstanceOf(ValidationException.class);

        assertThat(users.find("fanny").orElseThrow().passwordHash()).isEqualTo(hash);
        assertThat(users.events()).hasSize(1);
        as(ADMIN, () -> service.resetPassword("fanny", "twelve chars".toCharArray()));
        assertThat(HASHER.verify("twelve chars".toCharArray(), users.find("fanny").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void shouldReadRoleNamesAsTypedAndNameAnUnknownOrMissingOne() {
        assertThat(UserAdminService.roles(List.of("OFFICER", "APPROVER", "OFFICER")))
                .containsExactly(Role.OFFICER, Role.APPROVER);
        assertThat(UserAdminService.roles(List.of())).isEmpty();
        for (List<String> wrong : java.util.Arrays.asList(null, List.of("KING"),
                java.util.Arrays.asList("OFFICER", null))) {
            assertThatThrownBy(() -> UserAdminService.roles(wrong)).as(String.valueOf(wrong))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsOnly("roles"));
        }
    }
}
