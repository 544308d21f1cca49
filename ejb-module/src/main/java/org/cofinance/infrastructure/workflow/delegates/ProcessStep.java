package org.cofinance.infrastructure.workflow.delegates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * What every step that moves money reads from its execution: the request, its idempotency key, its author — the
 * signed-in user, or in a job of its own whoever completed the task that led to it.
 */
record ProcessStep(Long requestId, String key, String author) {

    static final String SYSTEM = "system";

    static ProcessStep of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String author = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
                : execution.getVariable(FundingRequestProcess.LAST_ACTOR) instanceof String actor ? actor : SYSTEM;
        // the key names the process instance and the activity instance: a retried job never books twice
        String key = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
        return new ProcessStep((Long) execution.getVariable(FundingRequestProcess.REQUEST_ID), key, author);
    }
}
