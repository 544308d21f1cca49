package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.AmendmentWorkflowService;
import org.cofinance.bpmn.AmendmentProcess;

/** Every funder concerned approved the amendment: its increases are posted, its decreases released, the plan changed. */
@Named(AmendmentProcess.APPLY_AMENDMENT)
@Dependent
public class ApplyAmendmentDelegate implements JavaDelegate {

    @EJB
    private AmendmentWorkflowService amendments;

    @Override
    public void execute(DelegateExecution execution) {
        amendments.apply((Long) execution.getVariable(AmendmentProcess.AMENDMENT_ID),
                ProcessStep.of(execution).author());
    }
}
