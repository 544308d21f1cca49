package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import org.cofinance.application.request.AmendmentWorkflowService;
import org.cofinance.bpmn.AmendmentProcess;

/**
 * What the amendment process's collections and conditions ask of an amendment ({@code ${amendmentDecisions...}} in
 * the model), answered by the application.
 */
@Named(AmendmentProcess.AMENDMENT_DECISIONS)
@Dependent
public class AmendmentDecisions {

    @EJB
    private AmendmentWorkflowService amendments;

    public List<Long> fundersToDecide(Long amendmentId) {
        return amendments.fundersToDecide(amendmentId);
    }

    public List<String> committeeLevels(Long amendmentId, Long organisationId, String processDefinitionId) {
        return amendments.committeeLevels(amendmentId, organisationId, processDefinitionId);
    }

    public boolean stoppedAt(Long amendmentId, Long organisationId) {
        return amendments.stoppedAt(amendmentId, organisationId);
    }

    public boolean anyRejected(Long amendmentId) {
        return amendments.anyRejected(amendmentId);
    }
}
