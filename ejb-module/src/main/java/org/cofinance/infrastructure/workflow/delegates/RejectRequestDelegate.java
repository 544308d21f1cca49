package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/** The request ends rejected; every reservation it still holds goes back to its envelope. */
@Named(FundingRequestProcess.REJECT_REQUEST)
@Dependent
public class RejectRequestDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        ProcessStep step = ProcessStep.of(execution);
        workflow.reject(step.requestId(), step.key(), step.author());
    }
}
