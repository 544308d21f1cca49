package org.cofinance.infrastructure.workflow;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.cofinance.application.task.TaskCommands;

/**
 * Task work that the engine's public services would split into several commands, done in one: one read of the task,
 * one flush to the database. Uses the engine's own commands, so listeners, history and checks are those of the
 * public services.
 */
@ApplicationScoped
public class CamundaTaskCommands implements TaskCommands {

    @EJB
    private ProcessEngineBootstrap bootstrap;

    @Override
    public void assignAndComplete(String taskId, String assignee, Map<String, Object> variables) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) bootstrap.processEngine().getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            if (assignee != null) {
                new AssignTaskCmd(taskId, assignee).execute(context);
            }
            return new CompleteTaskCmd(taskId, variables).execute(context);
        });
    }
}
