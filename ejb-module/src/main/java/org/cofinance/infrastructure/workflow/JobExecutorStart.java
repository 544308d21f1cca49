package org.cofinance.infrastructure.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Starts the engine's job executor last, once the application — its demo requests included — has started. A job taken
 * earlier would wait inside its transaction for the application to be up, then run on what it had read before the
 * wait: the demo, which runs its requests' jobs itself, had meanwhile moved them on.
 */
@Singleton
@Startup
@DependsOn({"ProcessEngineBootstrap", "DemoRequests"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobExecutorStart {

    @EJB
    private ProcessEngineBootstrap bootstrap;

    @PostConstruct
    void start() {
        bootstrap.startJobExecutor();
    }
}
