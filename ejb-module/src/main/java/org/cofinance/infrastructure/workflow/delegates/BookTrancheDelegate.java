package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * The booking step of the model's first version, kept for its running instances: their finance's validation now pays
 * every funder's share of the tranche, and this step checks it did.
 */
@Named(FundingRequestProcess.BOOK_TRANCHE)
@Dependent
public class BookTrancheDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        workflow.confirmTranchePaid((Long) execution.getVariable(FundingRequestProcess.TRANCHE_ID));
    }
}
