package org.cofinance.application.health;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Whether the application can serve: process engine started, database answering, process models deployed. */
@Stateless
public class HealthService {

    @Inject
    private Readiness readiness;

    public boolean isUp() {
        return readiness.engineStarted() && readiness.databaseAnswers() && readiness.processDeployed();
    }
}
