package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.Date;
import java.util.List;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * What the process's conditions, collections and due dates ask of a request ({@code ${fundingDecisions...}} in the
 * model), answered by the application.
 */
@Named(FundingRequestProcess.FUNDING_DECISIONS)
@Dependent
public class FundingDecisions {

    @EJB
    private RequestWorkflowService workflow;

    public List<Long> fundersToDecide(Long requestId) {
        return workflow.fundersToDecide(requestId);
    }

    public List<String> committeeLevels(Long requestId, Long organisationId, String processDefinitionId) {
        return workflow.committeeLevels(requestId, organisationId, processDefinitionId);
    }

    public boolean stoppedAt(Long requestId, Long organisationId) {
        return workflow.stoppedAt(requestId, organisationId);
    }

    public boolean allApproved(Long requestId) {
        return workflow.allApproved(requestId);
    }

    public boolean anyRejected(Long requestId) {
        return workflow.anyRejected(requestId);
    }

    public List<Long> trancheIds(Long requestId) {
        return workflow.trancheIds(requestId);
    }

    public List<Long> fundersToPay(Long trancheId) {
        return workflow.fundersToPay(trancheId);
    }

    public boolean tranchePaid(Long trancheId) {
        return workflow.tranchePaid(trancheId);
    }

    public Date trancheDue(Long trancheId) {
        return workflow.trancheDue(trancheId);
    }
}
