package org.cofinance.infrastructure.workflow.delegates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What every step that moves money reads from its execution: the request, its idempotency key, its author. */
record ProcessStep(Long requestId, String key, String author) {

    static final String SYSTEM = "system";

    static ProcessStep of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String author = authentication == null || authentication.getUserId() == null ? SYSTEM
                : authentication.getUserId();
        // the key names the process instance and the activity instance: a retried job never books twice
        String key = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
        return new ProcessStep((Long) execution.getVariable("requestId"), key, author);
    }
}
