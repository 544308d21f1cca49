package org.cofinance.application.access;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.UserEvent;
import org.cofinance.domain.model.user.UserRepository;

/**
 * The administration of the identity store (ADMIN): users, their roles, their organisation, their passwords — each
 * act kept as a {@link UserEvent} with its author for the audit — and a user's change of his own password. A password
 * an administrator chose (at creation, at a reset) must be changed by its user before he works.
 */
@Stateless
public class UserAdminService {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserRepository users;
    private final OrganisationRepository organisations;
    private final PasswordHasher hasher;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public UserAdminService(UserRepository users, OrganisationRepository organisations, PasswordHasher hasher,
                            Callers callers, Clock clock) {
        this.users = users;
        this.organisations = organisations;
        this.hasher = hasher;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected UserAdminService() {
        this(null, null, null, null, null);
    }

    public record UserView(String username, String displayName, String email, Long organisationId,
                           Set<Role> roles, boolean enabled) implements Serializable {
        static UserView of(AppUser u) {
            return new UserView(u.username(), u.displayName(), u.email(), u.organisationId(), u.roles(),
                    u.isEnabled());
        }
    }

    public record NewUser(String username, String displayName, String email, Long organisationId, Set<Role> roles,
                          char[] password) {
    }

    public List<UserView> list() {
        callers.current().require(Role.ADMIN);
        return users.list().stream()
                .map(UserView::of).toList();
    }

    public UserView create(NewUser command) {
        Caller admin = callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        if (command.username() == null || !command.username().matches("[a-z0-9._-]{2,64}")) {
            violations.add(new Violation("username", "is 2 to 64 lower-case letters, digits, '.', '_' or '-'"));
        } else if ("me".equals(command.username())) {
            violations.add(new Violation("username", "is not 'me', which names the signed-in user in the API"));
        } else if (users.find(command.username()).isPresent()) {
            violations.add(new Violation("username", "is already taken"));
        }
        if (command.displayName() != null && command.displayName().length() > 200) {
            violations.add(new Violation("displayName", "has at most 200 characters"));
        }
        String email = command.email() == null || command.email().isBlank() ? null : command.email().strip();
        if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,}")) {
            violations.add(new Violation("email", "is an e-mail address"));
        }
        checkPassword(command.password(), violations);
        Set<Role> roles = command.roles() == null ? EnumSet.noneOf(Role.class) : command.roles();
        checkAssignment(roles, command.organisationId(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        String displayName = command.displayName() == null || command.displayName().isBlank() ? command.username()
                : command.displayName().strip();
        AppUser user = new AppUser(command.username(), hasher.hash(command.password()), displayName, email,
                command.organisationId(), roles);
        Instant now = clock.instant();
        user.requirePasswordChange();
        users.add(user);
        users.record(new UserEvent(UserEvent.Kind.USER_CREATED, user.username(), admin.username(), now,
                describe(roles, command.organisationId())));
        return UserView.of(user);
    }

    /** The administration page's form: roles, organisation and whether enabled, at once. */
    public UserView reassign(String username, Set<Role> roles, Long organisationId, boolean enabled) {
        Caller admin = callers.current().require(Role.ADMIN);
        AppUser user = find(username);
        List<Violation> violations = new ArrayList<>();
        Set<Role> newRoles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        checkAssignment(newRoles, organisationId, violations);
        if (admin.username().equals(username) && (!enabled || !newRoles.contains(Role.ADMIN))) {
            violations.add(new Violation("roles", "an administrator cannot remove his own access"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Instant now = clock.instant();
        if (!user.roles().equals(newRoles) || !Objects.equals(user.organisationId(), organisationId)) {
            user.reassign(newRoles, organisationId);
            users.record(new UserEvent(UserEvent.Kind.ROLES_CHANGED, username, admin.username(), now,
                    describe(newRoles, organisationId)));
        }
        if (user.isEnabled() != enabled) {
            user.enable(enabled, now);
            users.record(new UserEvent(enabled ? UserEvent.Kind.USER_ENABLED : UserEvent.Kind.USER_DISABLED,
                    username, admin.username(), now, null));
        }
        return UserView.of(user);
    }

    /** {@code PUT /users/{username}/roles}: new roles, the organisation kept. */
    public UserView changeRoles(String username, Set<Role> roles) {
        AppUser user = findAsAdmin(username);
        if (roles == null) {
            throw ValidationException.of("roles", "is required (a list, empty for none)");
        }
        return reassign(username, roles, user.organisationId(), user.isEnabled());
    }

    /** {@code PUT /users/{username}/enabled}. */
    public UserView setEnabled(String username, boolean enabled) {
        AppUser user = findAsAdmin(username);
        return reassign(username, user.roles(), user.organisationId(), enabled);
    }

    /** An administrator sets a user's password: the user's sessions end and he chooses his own at his next sign-in. */
    public void resetPassword(String username, char[] password) {
        Caller admin = callers.current().require(Role.ADMIN);
        AppUser user = find(username);
        List<Violation> violations = new ArrayList<>();
        checkPassword(password, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Instant now = clock.instant();
        user.resetPassword(hasher.hash(password), now);
        users.record(new UserEvent(UserEvent.Kind.PASSWORD_RESET, username, admin.username(), now, null));
    }

    /**
     * The signed-in user changes his own password, giving the current one; the new one differs from it.
     *
     * @throws ValidationException on {@code current} when it is wrong, on {@code password} when it is too short or
     *                             the same
     */
    public void changeOwnPassword(char[] current, char[] password) {
        Caller caller = callers.current();
        AppUser user = find(caller.username());
        List<Violation> violations = new ArrayList<>();
        if (current == null || !hasher.verify(current, user.passwordHash())) {
            violations.add(new Violation("current", "is not your current password"));
        }
        checkPassword(password, violations);
        if (violations.isEmpty() && hasher.verify(password, user.passwordHash())) {
            violations.add(new Violation("password", "differs from the current password"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        user.choosePassword(hasher.hash(password));
    }

    /** Role names as a client typed them; an unknown one is a 400 on {@code roles}. */
    public static Set<Role> roles(List<String> names) {
        if (names == null) {
            throw ValidationException.of("roles", "is required (a list, empty for none)");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<Violation> violations = new ArrayList<>();
        for (String name : names) {
            Role role = name == null ? null : Inputs.parseEnum(Role.class, name, "roles", violations);
            if (role != null) {
                roles.add(role);
            } else if (name == null) {
                violations.add(new Violation("roles", "holds role names, no null"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return roles;
    }

    private AppUser findAsAdmin(String username) {
        callers.current().require(Role.ADMIN);
        return find(username);
    }

    private static String describe(Set<Role> roles, Long organisationId) {
        return "roles " + roles.stream().map(Enum::name).sorted().toList()
                + (organisationId == null ? "" : ", organisation " + organisationId);
    }

    private void checkAssignment(Set<Role> roles, Long organisationId, List<Violation> violations) {
        if (roles.contains(Role.ADMIN) && (roles.contains(Role.OFFICER) || roles.contains(Role.APPROVER)
                || roles.contains(Role.FINANCE))) {
            violations.add(new Violation("roles", "an administrator holds no OFFICER, APPROVER or FINANCE role: "
                    + "who grants access does not use it"));
        }
        if (organisationId != null && organisations.find(organisationId).isEmpty()) {
            violations.add(new Violation("organisationId", "no organisation " + organisationId));
        }
        if ((roles.contains(Role.APPROVER) || roles.contains(Role.SUPERVISOR) || roles.contains(Role.FINANCE))
                && organisationId == null) {
            violations.add(new Violation("organisationId", "an approver, a finance user or a supervisor acts for an "
                    + "organisation"));
        }
    }

    private static void checkPassword(char[] password, List<Violation> violations) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            violations.add(new Violation("password", "has at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
    }

    private AppUser find(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("no user " + username));
    }
}
