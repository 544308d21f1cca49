package org.cofinance.infrastructure.workflow;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.cofinance.application.health.ProcessEngineReadiness;

/** The engine is ready once {@link ProcessEngineBootstrap} has migrated the schema and built it. */
@ApplicationScoped
public class BootstrapReadiness implements ProcessEngineReadiness {

    @EJB
    private ProcessEngineBootstrap bootstrap;

    @Override
    public boolean isReady() {
        return bootstrap.isReady();
    }
}
