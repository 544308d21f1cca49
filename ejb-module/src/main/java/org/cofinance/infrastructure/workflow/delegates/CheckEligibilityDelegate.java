package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/** Evaluates the call's eligibility decision (DMN) on the request, and says whether it is eligible. */
@Named(FundingRequestProcess.CHECK_ELIGIBILITY)
@Dependent
public class CheckEligibilityDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        Long requestId = (Long) execution.getVariable(FundingRequestProcess.REQUEST_ID);
        execution.setVariable(FundingRequestProcess.ELIGIBLE, workflow.checkEligibility(requestId,
                execution.getProcessDefinitionId()));
    }
}
