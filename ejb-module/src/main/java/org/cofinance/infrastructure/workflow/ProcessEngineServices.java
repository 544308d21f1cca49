package org.cofinance.infrastructure.workflow;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Lets application services inject the engine's services. */
@ApplicationScoped
public class ProcessEngineServices {

    @EJB
    private ProcessEngineBootstrap bootstrap;

    @Produces
    RuntimeService runtimeService() {
        return bootstrap.processEngine().getRuntimeService();
    }

    @Produces
    TaskService taskService() {
        return bootstrap.processEngine().getTaskService();
    }

    @Produces
    IdentityService identityService() {
        return bootstrap.processEngine().getIdentityService();
    }

    @Produces
    RepositoryService repositoryService() {
        return bootstrap.processEngine().getRepositoryService();
    }

    @Produces
    DecisionService decisionService() {
        return bootstrap.processEngine().getDecisionService();
    }

    @Produces
    HistoryService historyService() {
        return bootstrap.processEngine().getHistoryService();
    }

    @Produces
    ManagementService managementService() {
        return bootstrap.processEngine().getManagementService();
    }

    @Produces
    @EngineDatabase
    DataSource engineDatabase() {
        return ((ProcessEngineConfigurationImpl) bootstrap.processEngine().getProcessEngineConfiguration())
                .getDataSource();
    }
}
