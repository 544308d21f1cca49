package org.cofinance.application.task;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * What the task lists show of each task — its request, and for a decision its organisation and level, for a
 * tranche's step its tranche, for an amendment's decision its amendment — read from the workflow for a whole page of
 * tasks at once: a page costs the same few queries whether it holds twenty tasks or two thousand.
 */
public interface TaskFacts {

    /** A task's variables as its execution sees them (its own, else its nearest enclosing scope's). */
    record Facts(Long requestId, Long organisationId, String level, Long trancheId, Long amendmentId) {
    }

    /** The facts of each task, by task id. */
    Map<String, Facts> of(Collection<Task> tasks);
}
