package org.cofinance.application.reporting;

import org.cofinance.application.access.Caller;
import org.cofinance.domain.model.user.Role;

/**
 * Whose report it is: what the caller's roles let the rows show besides the filters he chose. The administration of
 * users (in the audit) is an administrator's alone.
 */
public record ReportScope(boolean administrator) {

    public static ReportScope of(Caller caller) {
        return new ReportScope(caller.roles().contains(Role.ADMIN));
    }
}
