package org.cofinance.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.domain.model.user.Role;
import org.cofinance.interfaces.web.Directory;

/** Who is signed in, for the page header and for what a page offers (the services check again). */
@Named
@RequestScoped
public class CurrentUser {

    @EJB
    private Callers callers;

    @Inject
    private Directory directory;

    private Caller caller;

    public Caller getCaller() {
        if (caller == null) {
            caller = callers.current();
        }
        return caller;
    }

    public String getUsername() {
        return getCaller().username();
    }

    public String getOrganisationName() {
        return directory.organisationName(getCaller().organisationId());
    }

    public boolean isOfficer() {
        return getCaller().has(Role.OFFICER);
    }

    public boolean isApprover() {
        return getCaller().has(Role.APPROVER);
    }

    public boolean isFinance() {
        return getCaller().has(Role.FINANCE);
    }

    public boolean isAdmin() {
        return getCaller().has(Role.ADMIN);
    }

    /** Whether the user works a task list. */
    public boolean isTaskWorker() {
        return !getCaller().taskGroups().isEmpty();
    }

    /** The page a user starts on: his task list, the requests, the envelopes or the administration. */
    public String home() {
        if (isApprover()) {
            return "/app/tasks?faces-redirect=true";
        }
        if (isOfficer() || getCaller().has(Role.SUPERVISOR)) {
            return "/app/requests?faces-redirect=true";
        }
        if (isFinance()) {
            return "/app/envelopes?faces-redirect=true";
        }
        return "/app/admin?faces-redirect=true";
    }
}
