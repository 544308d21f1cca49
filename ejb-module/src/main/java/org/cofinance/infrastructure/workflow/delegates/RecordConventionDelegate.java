package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/** The convention is signed: the request is contracted and its tranches scheduled. */
@Named(FundingRequestProcess.RECORD_CONVENTION)
@Dependent
public class RecordConventionDelegate implements JavaDelegate {

    @EJB
    private RequestWorkflowService workflow;

    @Override
    public void execute(DelegateExecution execution) {
        ProcessStep step = ProcessStep.of(execution);
        workflow.contract(step.requestId(), step.author());
    }
}
