package org.cofinance.application.health;

/** Whether the process engine has started (and the schema is migrated): the infrastructure knows, health asks. */
public interface ProcessEngineReadiness {

    boolean isReady();
}
