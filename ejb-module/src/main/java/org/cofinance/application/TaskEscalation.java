package org.cofinance.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** Late decisions: marked with the highest priority, and their organisation's approvers told again. */
@Stateless
public class TaskEscalation {

    /** The priority of a late task, above the engine's default of 50. */
    public static final int LATE = 100;

    @Inject
    private TaskService taskService;

    @EJB
    private UserDirectory users;

    @EJB
    private Mailer mailer;

    @Inject
    private Clock clock;

    public void escalateOpenDecisions(String processInstanceId, String reference) {
        Date now = Date.from(clock.instant());
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(TaskListService.DECIDE).dueBefore(now).list()) {
            taskService.setPriority(task.getId(), LATE);
            Set<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(IdentityLink::getGroupId).filter(g -> g != null).collect(Collectors.toSet());
            for (String email : users.emailsOfGroups(groups)) {
                mailer.sendAfterCommit(email, "[Cofinance] En retard / Late: " + task.getName() + " – " + reference,
                        "Cette décision est en retard.\nThis decision is late.\n\n" + task.getName() + "\n" + reference
                                + "\n");
            }
        }
    }
}
