package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/** Reserves every plan line on its envelope, all or nothing, and says whether it fitted. */
@Named(FundingRequestProcess.RESERVE_FUNDS)
@Dependent
public class ReserveFundsDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        ProcessStep step = ProcessStep.of(execution);
        boolean fits = workflow.reserve(step.requestId(), step.key(), step.author());
        execution.setVariable(FundingRequestProcess.RESERVATION_FITS, fits);
    }
}
