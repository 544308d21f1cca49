package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.application.task.TaskEscalation;
import org.cofinance.bpmn.FundingRequestProcess;

/** The funders' decisions are late: each one still open is marked late and its approvers are told again. */
@Named(FundingRequestProcess.ESCALATE_LATE_DECISIONS)
@Dependent
public class EscalateLateDecisionsDelegate implements JavaDelegate {

    @EJB
    private TaskEscalation escalation;

    @Override
    public void execute(DelegateExecution execution) {
        escalation.escalateOpenDecisions(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }
}
