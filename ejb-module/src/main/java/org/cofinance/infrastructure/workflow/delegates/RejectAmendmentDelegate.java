package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.AmendmentWorkflowService;
import org.cofinance.bpmn.AmendmentProcess;

/** A funder refused the amendment: the increases it held go back to their envelopes, nothing else changes. */
@Named(AmendmentProcess.REJECT_AMENDMENT)
@Dependent
public class RejectAmendmentDelegate implements JavaDelegate {

    @EJB
    private AmendmentWorkflowService amendments;

    @Override
    public void execute(DelegateExecution execution) {
        amendments.reject((Long) execution.getVariable(AmendmentProcess.AMENDMENT_ID),
                ProcessStep.of(execution).author());
    }
}
