package org.cofinance.infrastructure.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Which version of a decision a process definition runs with: the one of its own deployment or — for a deployment
 * that carried only its changed models — the latest version deployed before it. Rules are versioned with the process.
 * Deployments never change once made, so each answer is looked up once per node and remembered; every node finds the
 * same answer in the database.
 */
@ApplicationScoped
public class DeployedDecisions {

    private final Map<String, String> decisionIds = new ConcurrentHashMap<>();

    @Inject
    private RepositoryService repositoryService;

    /** The id of the decision definition of that key the process definition runs with. */
    public String of(String key, String processDefinitionId) {
        return find(key, processDefinitionId).orElseThrow(() -> new IllegalStateException("no " + key
                + " decision deployed with or before " + processDefinitionId));
    }

    /** The same, or nothing when no decision of that key was deployed with or before the process definition. */
    public Optional<String> find(String key, String processDefinitionId) {
        String id = decisionIds.computeIfAbsent(key + '\n' + processDefinitionId, k -> lookUp(key,
                processDefinitionId));
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private String lookUp(String key, String processDefinitionId) {
        Deployment processDeployment = repositoryService.createDeploymentQuery()
                .deploymentId(repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId())
                .singleResult();
        DecisionDefinition best = null;
        for (DecisionDefinition decision : repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .list()) {
            if (decision.getDeploymentId().equals(processDeployment.getId())) {
                return decision.getId();
            }
            Date deployed = repositoryService.createDeploymentQuery().deploymentId(decision.getDeploymentId())
                    .singleResult().getDeploymentTime();
            if (!deployed.after(processDeployment.getDeploymentTime())
                    && (best == null || decision.getVersion() > best.getVersion())) {
                best = decision;
            }
        }
        return best == null ? "" : best.getId();
    }
}
