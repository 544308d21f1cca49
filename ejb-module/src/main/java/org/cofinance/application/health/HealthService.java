package org.cofinance.application.health;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.domain.model.user.Role;

/**
 * Whether the application can serve — process engine started, database answering, process models deployed — and
 * which node answers; its process id only to an administrator.
 */
@Stateless
public class HealthService {

    private final Readiness readiness;
    private final ServerNode node;
    private final Callers callers;

    @Inject
    public HealthService(Readiness readiness, ServerNode node, Callers callers) {
        this.readiness = readiness;
        this.node = node;
        this.callers = callers;
    }

    /** For the container's proxies only. */
    protected HealthService() {
        this(null, null, null);
    }

    public boolean isUp() {
        return readiness.engineStarted() && readiness.databaseAnswers() && readiness.processDeployed();
    }

    /** The node's state as its caller may see it: anyone its name, an administrator also its process id. */
    public Health check() {
        boolean administrator = callers.signedIn().map(caller -> caller.has(Role.ADMIN)).orElse(false);
        return new Health(isUp(), node.name(), administrator ? node.processId() : null);
    }

    /** A node's answer to the health check; {@code processId} is null unless an administrator asked. */
    public record Health(boolean up, String node, Long processId) {
    }
}
