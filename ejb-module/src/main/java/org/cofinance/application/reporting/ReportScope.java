package org.cofinance.application.reporting;

import org.cofinance.application.access.Caller;
import org.cofinance.domain.model.user.Role;

/**
 * Whose report it is: what the caller's roles let the rows show besides the filters he chose. An administrator reads
 * everything, the administration of users (in the audit) included; a finance team reads its organisation's money
 * only ({@code organisationId}): the envelopes it owns, the commitments drawn on them, the requests it funds — and,
 * on those, the other funders' decisions (the shared governance of a co-financed project).
 */
public record ReportScope(boolean administrator, Long organisationId) {

    public static ReportScope of(Caller caller) {
        boolean administrator = caller.roles().contains(Role.ADMIN);
        return new ReportScope(administrator, administrator ? null : caller.organisationId());
    }

    /** The organisation the rows keep to, as the queries take it: 0 for every organisation, -1 for none. */
    public long organisationFilter() {
        if (administrator) {
            return 0L;
        }
        return organisationId == null ? -1L : organisationId;
    }
}
