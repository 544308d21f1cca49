package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;

/** Finance validated the tranche: its payment is booked on every commitment, as DISBURSE entries. */
@Named("bookTranche")
@Dependent
public class BookTrancheDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        ProcessStep step = ProcessStep.of(execution);
        workflow.payTranche((Long) execution.getVariable("trancheId"), step.key());
    }
}
