package org.cofinance.application.task;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Set;
import org.cofinance.application.access.UserDirectory;
import org.cofinance.application.mail.Mailer;

/**
 * Tells people about their work: when a task is created, each of its candidates receives one e-mail; when a task is
 * handed to someone by someone else, that person receives one. Claiming a task oneself sends nothing. Mails leave
 * only once the transaction that created or assigned the task has committed.
 */
@Stateless
public class TaskNotifications {

    private final UserDirectory users;
    private final Mailer mailer;

    @Inject
    public TaskNotifications(UserDirectory users, Mailer mailer) {
        this.users = users;
        this.mailer = mailer;
    }

    /** For the container's proxies only. */
    protected TaskNotifications() {
        this(null, null);
    }

    /** A task was created and offered to the members of {@code candidateGroups}. */
    public void taskCreated(String taskName, String reference, Long requestId, Set<String> candidateGroups) {
        for (String email : users.emailsOfGroups(candidateGroups)) {
            mailer.sendAfterCommit(email, subject(taskName, reference),
                    body(taskName, reference, requestId, "Une tâche vous attend.", "A task awaits you."));
        }
    }

    /** A task was assigned to {@code assignee} by {@code assignedBy} (null when nobody signed in did it). */
    public void taskAssigned(String taskName, String reference, Long requestId, String assignee, String assignedBy) {
        if (assignee == null || assignee.equals(assignedBy)) {
            return;
        }
        users.emailOf(assignee).ifPresent(email -> mailer.sendAfterCommit(email, subject(taskName, reference),
                body(taskName, reference, requestId, "Une tâche vous a été confiée.", "A task was handed to you.")));
    }

    private static String subject(String taskName, String reference) {
        return "[Cofinance] " + taskName + " – " + reference;
    }

    private static String body(String taskName, String reference, Long requestId, String french, String english) {
        String link = System.getProperty("cofinance.base.url", "http://localhost:8080/cofinance")
                + "/app/request.xhtml?id=" + requestId;
        return french + "\n" + english + "\n\n" + taskName + "\n" + reference + "\n" + link + "\n";
    }
}
