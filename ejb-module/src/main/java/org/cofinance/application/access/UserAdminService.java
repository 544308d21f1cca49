package org.cofinance.application.access;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.UserRepository;

/** The administration of the identity store (ADMIN): users, their roles, their organisation, their passwords. */
@Stateless
public class UserAdminService {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserRepository users;
    private final OrganisationRepository organisations;
    private final PasswordHasher hasher;
    private final Callers callers;

    @Inject
    public UserAdminService(UserRepository users, OrganisationRepository organisations, PasswordHasher hasher,
                            Callers callers) {
        this.users = users;
        this.organisations = organisations;
        this.hasher = hasher;
        this.callers = callers;
    }

    /** For the container's proxies only. */
    protected UserAdminService() {
        this(null, null, null, null);
    }

    public record UserView(String username, String displayName, String email, Long organisationId,
                           Set<Role> roles, boolean enabled) {
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
        callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        if (command.username() == null || !command.username().matches("[a-z0-9._-]{2,64}")) {
            violations.add(new Violation("username", "is 2 to 64 lower-case letters, digits, '.', '_' or '-'"));
        } else if (users.find(command.username()).isPresent()) {
            violations.add(new Violation("username", "is already taken"));
        }
        if (command.displayName() == null || command.displayName().isBlank() || command.displayName().length() > 200) {
            violations.add(new Violation("displayName", "is required, at most 200 characters"));
        }
        if (command.email() != null && !command.email().isBlank()
                && !command.email().matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,}")) {
            violations.add(new Violation("email", "is an e-mail address"));
        }
        checkPassword(command.password(), violations);
        Set<Role> roles = command.roles() == null ? EnumSet.noneOf(Role.class) : command.roles();
        checkAssignment(roles, command.organisationId(), violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        AppUser user = new AppUser(command.username(), hasher.hash(command.password()),
                command.displayName().strip(), command.email() == null || command.email().isBlank() ? null
                : command.email().strip(), command.organisationId(), roles);
        users.add(user);
        return UserView.of(user);
    }

    public UserView reassign(String username, Set<Role> roles, Long organisationId, boolean enabled) {
        Caller caller = callers.current().require(Role.ADMIN);
        AppUser user = find(username);
        List<Violation> violations = new ArrayList<>();
        checkAssignment(roles, organisationId, violations);
        if (caller.username().equals(username) && (!enabled || !roles.contains(Role.ADMIN))) {
            violations.add(new Violation("roles", "an administrator cannot remove his own access"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        user.reassign(roles, organisationId);
        user.enable(enabled);
        return UserView.of(user);
    }

    public void resetPassword(String username, char[] password) {
        callers.current().require(Role.ADMIN);
        AppUser user = find(username);
        List<Violation> violations = new ArrayList<>();
        checkPassword(password, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        user.changePasswordHash(hasher.hash(password));
    }

    private void checkAssignment(Set<Role> roles, Long organisationId, List<Violation> violations) {
        if (organisationId != null && organisations.find(organisationId).isEmpty()) {
            violations.add(new Violation("organisationId", "no organisation " + organisationId));
        }
        if ((roles.contains(Role.APPROVER) || roles.contains(Role.SUPERVISOR)) && organisationId == null) {
            violations.add(new Violation("organisationId", "an approver or a supervisor acts for an organisation"));
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
