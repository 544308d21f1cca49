package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/** Every funder approved: the reservations become commitments, in the transaction of the last decision. */
@Named(FundingRequestProcess.POST_COMMITMENTS)
@Dependent
public class PostCommitmentsDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        ProcessStep step = ProcessStep.of(execution);
        workflow.approve(step.requestId(), step.key(), step.author());
    }
}
