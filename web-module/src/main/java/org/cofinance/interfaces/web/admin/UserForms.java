package org.cofinance.interfaces.web.admin;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cofinance.domain.model.user.Role;

/** What the user forms share: the roles offered, and the names ticked read as roles. */
final class UserForms {

    private UserForms() {
    }

    static List<String> roleNames() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }

    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }
}
