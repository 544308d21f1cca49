package org.cofinance.application.task;

import java.io.Serializable;
import java.time.Instant;

/**
 * A task of a task list; {@code late} once its due date has passed; {@code trancheId} the tranche a milestone's
 * evidence or a payment's validation is about.
 */
public record TaskView(String id, String name, String taskType, Long requestId, String requestReference,
                       Long organisationId, Instant created, Instant due, String assignee, boolean late,
                       String level, Long trancheId) implements Serializable {
}
