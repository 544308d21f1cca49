package org.cofinance.application.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cofinance.application.access.Caller;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.NotFoundException;

/** Who may see and work a task: its assignee, its owner while delegated, and the members of its candidate groups. */
final class TaskVisibility {

    private TaskVisibility() {
    }

    /**
     * @throws NotFoundException when there is no such task
     * @throws AccessDeniedException when the task is neither the caller's nor offered to one of his groups
     */
    static Task visibleTask(TaskService taskService, String taskId, Caller caller) {
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("no task " + taskId);
        }
        if (caller.username().equals(task.getAssignee()) || caller.username().equals(task.getOwner())) {
            return task;
        }
        if (!isOfferedTo(taskService, taskId, caller)) {
            throw new AccessDeniedException("task " + taskId + " is not offered to you");
        }
        return task;
    }

    /**
     * The tasks a caller sees in a scope: {@code me} — assigned to him, or delegated by him; {@code none} — offered to
     * his groups and unclaimed (nothing when he belongs to no group); anything else — both.
     */
    static Optional<TaskQuery> visibleTasks(TaskService taskService, Caller caller, String scope) {
        List<String> groups = new ArrayList<>(caller.taskGroups());
        TaskQuery query = taskService.createTaskQuery();
        if ("none".equals(scope)) {
            return groups.isEmpty() ? Optional.empty()
                    : Optional.of(query.taskUnassigned().taskCandidateGroupIn(groups));
        }
        TaskQuery either = query.or().taskAssignee(caller.username()).taskOwner(caller.username());
        if (!"me".equals(scope) && !groups.isEmpty()) {
            either.taskCandidateGroupIn(groups);
        }
        return Optional.of(either.endOr());
    }

    static boolean isOfferedTo(TaskService taskService, String taskId, Caller caller) {
        Set<String> groups = caller.taskGroups();
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .anyMatch(groups::contains);
    }
}
