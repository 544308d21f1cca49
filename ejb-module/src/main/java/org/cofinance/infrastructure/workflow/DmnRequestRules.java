package org.cofinance.infrastructure.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.cofinance.application.request.RequestRules;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.EligibilityFacts;
import org.cofinance.domain.model.shared.Money;

/**
 * The rules as the engine evaluates them: the {@code eligibility-<programme>} decision table of the request's programme
 * (the general {@code eligibility} one when its programme has none) and the {@code committee-level} one, deployed with
 * the process definition that asks ({@link DeployedDecisions}). Their inputs are exact: amounts in euro cents.
 */
@ApplicationScoped
public class DmnRequestRules implements RequestRules {

    @Inject
    private DecisionService decisionService;

    @Inject
    private DeployedDecisions deployedDecisions;

    @Override
    public List<String> eligibilityReasons(EligibilityFacts facts, String processDefinitionId) {
        String decision = deployedDecisions.find(FundingRequestProcess.eligibilityDecisionOf(facts.programme()),
                processDefinitionId).orElseGet(() -> deployedDecisions.of(FundingRequestProcess.ELIGIBILITY_DECISION,
                processDefinitionId));
        return decisionService.evaluateDecisionTableById(decision, facts.asVariables())
                .collectEntries("reason");
    }

    @Override
    public List<String> committeeLevels(OrganisationKind kind, Money amount, String processDefinitionId) {
        return decisionService.evaluateDecisionTableById(
                        deployedDecisions.of(FundingRequestProcess.COMMITTEE_LEVEL_DECISION, processDefinitionId),
                        Variables.createVariables().putValue("organisationKind", kind.name())
                                .putValue("amountCents", amount.toCents()))
                .collectEntries(FundingRequestProcess.LEVEL);
    }
}
