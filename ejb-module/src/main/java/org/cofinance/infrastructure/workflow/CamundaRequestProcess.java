package org.cofinance.infrastructure.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cofinance.application.request.RequestProcess;
import org.cofinance.bpmn.AmendmentProcess;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * The funding-request process on the embedded engine, in the caller's transaction; the engine's history and
 * listeners know who acted.
 */
@ApplicationScoped
public class CamundaRequestProcess implements RequestProcess {

    @Inject
    private RuntimeService runtimeService;

    @Inject
    private IdentityService identityService;

    @Override
    public String start(String reference, Long requestId, String programmeCode, String author) {
        return as(author, () -> runtimeService.startProcessInstanceByKey(FundingRequestProcess.KEY, reference,
                Map.of(FundingRequestProcess.REQUEST_ID, requestId, FundingRequestProcess.PROGRAMME_CODE,
                        programmeCode)).getId());
    }

    @Override
    public boolean isRunning(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    @Override
    public void cancel(String processInstanceId, String author) {
        run(author, () -> runtimeService.createMessageCorrelation(FundingRequestProcess.CANCEL_MESSAGE)
                .processInstanceId(processInstanceId).correlate());
    }

    @Override
    public String definitionOf(String processInstanceId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance == null) {
            throw new IllegalStateException("process instance " + processInstanceId + " is not running");
        }
        return instance.getProcessDefinitionId();
    }

    @Override
    public String startAmendment(String businessKey, Long requestId, Long amendmentId, String programmeCode,
                                 String author) {
        return as(author, () -> runtimeService.startProcessInstanceByKey(AmendmentProcess.KEY, businessKey,
                Map.of(FundingRequestProcess.REQUEST_ID, requestId, AmendmentProcess.AMENDMENT_ID, amendmentId,
                        FundingRequestProcess.PROGRAMME_CODE, programmeCode)).getId());
    }

    private <T> T as(String author, Supplier<T> work) {
        identityService.setAuthenticatedUserId(author);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void run(String author, Runnable work) {
        as(author, () -> {
            work.run();
            return null;
        });
    }
}
