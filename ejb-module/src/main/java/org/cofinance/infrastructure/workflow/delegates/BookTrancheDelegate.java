package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/** Finance validated the tranche: its payment is booked on every commitment, as DISBURSE entries. */
@Named(FundingRequestProcess.BOOK_TRANCHE)
@Dependent
public class BookTrancheDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        ProcessStep step = ProcessStep.of(execution);
        workflow.payTranche((Long) execution.getVariable(FundingRequestProcess.TRANCHE_ID), step.key());
    }
}
