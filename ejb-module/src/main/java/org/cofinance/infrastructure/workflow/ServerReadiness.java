package org.cofinance.infrastructure.workflow;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.camunda.bpm.engine.RepositoryService;
import org.cofinance.application.health.Readiness;
import org.cofinance.bpmn.FundingRequestProcess;

/** The engine as {@link ProcessEngineBootstrap} built it, the datasource, and the engine's repository. */
@ApplicationScoped
public class ServerReadiness implements Readiness {

    @EJB
    private ProcessEngineBootstrap bootstrap;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RepositoryService repositoryService;

    @Override
    public boolean engineStarted() {
        return bootstrap.isReady();
    }

    @Override
    public boolean databaseAnswers() {
        try {
            em.createNativeQuery("select 1").getSingleResult();
            return true;
        } catch (PersistenceException e) {
            return false;
        }
    }

    @Override
    public boolean processDeployed() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(FundingRequestProcess.KEY)
                .count() > 0;
    }
}
