package org.cofinance.application.access;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;

/**
 * The authenticated user on whose behalf a service runs, with his roles and organisation as the identity store holds
 * them. Every application service checks what it does against it.
 */
public record Caller(String username, Set<Role> roles, Long organisationId) {

    /** Holds its own copy of the roles: a caller outlives the transaction that read him. */
    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(AppUser user) {
        return new Caller(user.username(), user.roles(), user.organisationId());
    }

    /** The people told when the organisation's decisions are late: its supervisors. */
    public static String escalationGroup(Long organisationId) {
        return "escalation-" + organisationId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** @throws AccessDeniedException unless the caller holds one of the roles */
    public Caller require(Role... wanted) {
        if (!hasAny(wanted)) {
            throw new AccessDeniedException(username + " does not hold the role for this action");
        }
        return this;
    }

    /** Whether the caller sees everything (not restricted to his organisation's figures). */
    public boolean seesAllOrganisations() {
        return hasAny(Role.OFFICER, Role.ADMIN);
    }

    /**
     * Whether the caller may see the request: all of them, or those his organisation funds or carries (as the lead
     * or a partner of the coalition).
     */
    public boolean sees(FundingRequest request) {
        return seesAllOrganisations() || request.financingPlan().funderIds().contains(organisationId)
                || request.isCarriedBy(organisationId);
    }

    public boolean actsFor(Long organisation) {
        return organisationId != null && organisationId.equals(organisation);
    }

    /** The process engine's candidate groups this caller belongs to. */
    public Set<String> taskGroups() {
        Set<String> groups = new LinkedHashSet<>();
        if (has(Role.OFFICER)) {
            groups.add(FundingRequestProcess.OFFICERS_GROUP);
        }
        if (has(Role.FINANCE)) {
            if (organisationId != null) {
                groups.add(FundingRequestProcess.financeGroup(organisationId));
            }
            // the tranches of the model's first version, validated by any finance user
            groups.add(FundingRequestProcess.FINANCE_GROUP);
        }
        if (has(Role.APPROVER) && organisationId != null) {
            groups.add(FundingRequestProcess.approversGroup(organisationId));
        }
        return groups;
    }
}
