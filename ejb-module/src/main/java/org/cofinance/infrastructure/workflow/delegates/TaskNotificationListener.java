package org.cofinance.infrastructure.workflow.delegates;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.cofinance.application.task.TaskNotifications;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * The listener every user task gets (added by the parse listener): tells the application when a task is created
 * (with its candidate groups) or assigned (with who did it).
 */
@Named(FundingRequestProcess.TASK_NOTIFICATIONS)
@Dependent
public class TaskNotificationListener implements TaskListener {

    @EJB
    private TaskNotifications notifications;

    @Override
    public void notify(DelegateTask task) {
        Long requestId = (Long) task.getVariable(FundingRequestProcess.REQUEST_ID);
        String reference = task.getExecution().getProcessBusinessKey();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Set<String> groups = task.getCandidates().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).collect(Collectors.toSet());
            notifications.taskCreated(task.getName(), reference, requestId, groups);
        } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            notifications.taskAssigned(task.getName(), reference, requestId, task.getAssignee(), currentUser(task));
        }
    }

    private static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
