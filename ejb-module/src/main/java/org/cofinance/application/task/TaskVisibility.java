package org.cofinance.application.task;

import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.access.Caller;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.NotFoundException;

/**
 * Who may see and work a task: its assignee, its owner while delegated, and the members of its candidate groups (the
 * lists find the tasks a user sees with {@link TaskSearch}).
 */
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

    static boolean isOfferedTo(TaskService taskService, String taskId, Caller caller) {
        Set<String> groups = caller.taskGroups();
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .anyMatch(groups::contains);
    }
}
