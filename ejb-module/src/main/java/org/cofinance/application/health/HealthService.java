package org.cofinance.application.health;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.camunda.bpm.engine.RepositoryService;
import org.cofinance.bpmn.FundingRequestProcess;

/** Whether the application can serve: process engine started, database answering, process models deployed. */
@Stateless
public class HealthService {

    @Inject
    private ProcessEngineReadiness engine;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RepositoryService repositoryService;

    public boolean isUp() {
        if (!engine.isReady()) {
            return false;
        }
        try {
            em.createNativeQuery("select 1").getSingleResult();
        } catch (PersistenceException e) {
            return false;
        }
        return repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(FundingRequestProcess.KEY).count() > 0;
    }
}
