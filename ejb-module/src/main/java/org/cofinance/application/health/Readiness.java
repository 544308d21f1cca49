package org.cofinance.application.health;

/** What the application needs to serve, as the infrastructure knows it. */
public interface Readiness {

    /** The schema is migrated and the process engine built. */
    boolean engineStarted();

    boolean databaseAnswers();

    /** The funding-request process is deployed. */
    boolean processDeployed();
}
