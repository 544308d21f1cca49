package org.cofinance.application.task;

import java.util.Map;

/**
 * The engine's task commands, each run as {@code actor}, so that the engine's history and listeners know who acted
 * (a task handed to someone by someone else mails him; claiming one oneself does not).
 */
public interface TaskCommands {

    /** Assigns the task to {@code assignee}, or frees it when null. */
    void assign(String taskId, String assignee, String actor);

    /** Hands the task to a colleague, who gives it back by {@link #resolve}. */
    void delegate(String taskId, String colleague, String actor);

    void resolve(String taskId, String actor);

    /**
     * Completes the task with the variables given, in one engine command; when {@code assignee} is not null, first
     * assigns the task to him (whoever completes a task nobody held), so that its history names who did it.
     */
    void assignAndComplete(String taskId, String assignee, Map<String, Object> variables, String actor);
}
