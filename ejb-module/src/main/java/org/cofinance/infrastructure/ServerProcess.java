package org.cofinance.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import org.cofinance.application.health.ServerNode;

/**
 * The WildFly process: its node name as the server was started with it ({@code -Djboss.node.name}, the host's name by
 * default) and the JVM's process id.
 */
@ApplicationScoped
public class ServerProcess implements ServerNode {

    @Override
    public String name() {
        return System.getProperty("jboss.node.name", "standalone");
    }

    @Override
    public long processId() {
        return ProcessHandle.current().pid();
    }
}
