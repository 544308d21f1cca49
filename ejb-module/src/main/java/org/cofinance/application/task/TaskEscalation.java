package org.cofinance.application.task;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.UserDirectory;
import org.cofinance.application.mail.Mailer;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * Late decisions: marked with the highest priority (the task lists show them late), and their organisation's
 * escalation group — its supervisors — told by mail.
 */
@Stateless
public class TaskEscalation {

    /** The priority of a late task, above the engine's default of 50. */
    public static final int LATE = 100;

    @Inject
    private TaskService taskService;

    @Inject
    private RuntimeService runtimeService;

    @EJB
    private UserDirectory users;

    @EJB
    private Mailer mailer;

    @Inject
    private Clock clock;

    public void escalateOpenDecisions(String processInstanceId, String reference) {
        Date now = Date.from(clock.instant());
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(FundingRequestProcess.DECIDE).dueBefore(now).list()) {
            taskService.setPriority(task.getId(), LATE);
            Long organisationId = (Long) runtimeService.getVariable(task.getExecutionId(),
                    FundingRequestProcess.ORGANISATION_ID);
            for (String email : users.emailsOfGroups(Set.of(Caller.escalationGroup(organisationId)))) {
                mailer.sendAfterCommit(email, "[Cofinance] En retard / Late: " + task.getName() + " – " + reference,
                        "Cette décision de votre organisation est en retard depuis le " + task.getDueDate()
                                + ".\nThis decision of your organisation is late.\n\n" + task.getName() + "\n"
                                + reference + "\n");
            }
        }
    }
}
