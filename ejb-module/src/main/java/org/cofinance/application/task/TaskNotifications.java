package org.cofinance.application.task;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.cofinance.application.access.UserDirectory;
import org.cofinance.application.mail.Mailer;

/**
 * Tells people about their work: when a task is created, each of its candidates receives one e-mail; when a task is
 * handed to someone by someone else, that person receives one. Claiming a task oneself sends nothing. Mails leave
 * only once the transaction that created or assigned the task has committed.
 */
@Named("taskNotifications")
@Dependent
public class TaskNotifications implements TaskListener {

    @EJB
    private UserDirectory users;

    @EJB
    private Mailer mailer;

    @Override
    public void notify(DelegateTask task) {
        Long requestId = (Long) task.getVariable("requestId");
        String subject = "[Cofinance] " + task.getName() + " – " + task.getExecution().getProcessBusinessKey();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Set<String> groups = task.getCandidates().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(link -> link.getGroupId()).collect(Collectors.toSet());
            for (String email : users.emailsOfGroups(groups)) {
                mailer.sendAfterCommit(email, subject, body(task, requestId, "Une tâche vous attend.",
                        "A task awaits you."));
            }
        } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) && task.getAssignee() != null
                && !task.getAssignee().equals(currentUser(task))) {
            users.emailOf(task.getAssignee()).ifPresent(email -> mailer.sendAfterCommit(email, subject,
                    body(task, requestId, "Une tâche vous a été confiée.", "A task was handed to you.")));
        }
    }

    private static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private static String body(DelegateTask task, Long requestId, String french, String english) {
        String link = System.getProperty("cofinance.base.url", "http://localhost:8080/cofinance")
                + "/api/tasks?requestId=" + requestId;
        return french + "\n" + english + "\n\n" + task.getName() + "\n" + task.getExecution().getProcessBusinessKey()
                + "\n" + link + "\n";
    }
}
