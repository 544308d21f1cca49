package org.cofinance.application.task;

import java.util.Map;

/** Task work done in one engine command, where the engine's public services would take several. */
public interface TaskCommands {

    /**
     * Completes the task with the variables given; when {@code assignee} is not null, first assigns the task to him
     * (whoever completes a task nobody held), so that its history names who did it.
     */
    void assignAndComplete(String taskId, String assignee, Map<String, Object> variables);
}
