package org.cofinance.application.health;

/** The server process this call runs in: one node of a cluster, or the only one. */
public interface ServerNode {

    /** The node's name in the cluster ({@code jboss.node.name}), the same on every call it serves. */
    String name();

    /** The operating system's id of the server process, for an administrator who must stop or watch it. */
    long processId();
}
