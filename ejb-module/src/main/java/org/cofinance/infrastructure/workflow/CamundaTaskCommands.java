package org.cofinance.infrastructure.workflow;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.cofinance.application.task.TaskCommands;

/**
 * Task work on the embedded engine, as the user who acts. Completing a task nobody held is done in one command (one
 * read of the task, one flush to the database) with the engine's own commands, so listeners, history and checks are
 * those of the public services.
 */
@ApplicationScoped
public class CamundaTaskCommands implements TaskCommands {

    @EJB
    private ProcessEngineBootstrap bootstrap;

    @Inject
    private TaskService taskService;

    @Inject
    private IdentityService identityService;

    @Override
    public void assign(String taskId, String assignee, String actor) {
        as(actor, () -> taskService.setAssignee(taskId, assignee));
    }

    @Override
    public void delegate(String taskId, String colleague, String actor) {
        as(actor, () -> taskService.delegateTask(taskId, colleague));
    }

    @Override
    public void resolve(String taskId, String actor) {
        as(actor, () -> taskService.resolveTask(taskId));
    }

    @Override
    public void assignAndComplete(String taskId, String assignee, Map<String, Object> variables, String actor) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) bootstrap.processEngine().getProcessEngineConfiguration();
        as(actor, () -> configuration.getCommandExecutorTxRequired().execute(context -> {
            if (assignee != null) {
                new AssignTaskCmd(taskId, assignee).execute(context);
            }
            return new CompleteTaskCmd(taskId, variables).execute(context);
        }));
    }

    private void as(String actor, Runnable work) {
        identityService.setAuthenticatedUserId(actor);
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
