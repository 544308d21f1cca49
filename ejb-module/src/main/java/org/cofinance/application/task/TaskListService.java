package org.cofinance.application.task;

import static org.cofinance.bpmn.AmendmentProcess.AMENDMENT_ID;
import static org.cofinance.bpmn.AmendmentProcess.DECIDE_AMENDMENT;
import static org.cofinance.bpmn.FundingRequestProcess.DECIDE;
import static org.cofinance.bpmn.FundingRequestProcess.ORGANISATION_ID;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.application.request.AmendmentWorkflowService;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.UserRepository;

/**
 * The caller's task list and who holds its tasks: claiming, freeing, delegating to a colleague who gives it back.
 * The lists are searched where the tasks are stored ({@link TaskSearch}); a task is visible to whoever it is assigned
 * to and to the members of its candidate groups, which for a funder's decision is that organisation's approvers only.
 * Completing a task is {@link TaskWork}'s.
 */
@Stateless
public class TaskListService {

    private final FundingRequestRepository requests;
    private final AmendmentWorkflowService amendments;
    private final UserRepository users;
    private final TaskCommands taskCommands;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final TaskSearch search;
    private final TaskFacts facts;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public TaskListService(FundingRequestRepository requests, AmendmentWorkflowService amendments,
                           UserRepository users, TaskCommands taskCommands, TaskService taskService,
                           RuntimeService runtimeService, TaskSearch search, TaskFacts facts, Callers callers,
                           Clock clock) {
        this.requests = requests;
        this.amendments = amendments;
        this.users = users;
        this.taskCommands = taskCommands;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.search = search;
        this.facts = facts;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected TaskListService() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /** The caller's tasks, of one request when given, that meet the criteria, due soonest first. */
    public Page<TaskView> list(Long requestId, TaskCriteria criteria, Paging paging) {
        Caller caller = callers.current();
        String assignee = criteria.scope();
        if (assignee != null && !assignee.isBlank() && !"me".equals(assignee) && !"none".equals(assignee)) {
            throw ValidationException.of("assignee", "is me or none");
        }
        TaskSearch.Filter filter = criteria.filterFor(caller, requestId, clock.instant());
        TaskSearch.Found found = search.find(filter, paging.offset(), paging.size());
        List<Task> page = found.page();
        Map<String, TaskFacts.Facts> known = facts.of(page);
        Map<Long, FundingRequest> read = requests.readAllWithPlan(known.values().stream()
                .map(TaskFacts.Facts::requestId).toList());
        return new Page<>(page.stream().map(task -> view(task, known.get(task.getId()), read)).toList(),
                found.total());
    }

    public void claim(String taskId) {
        Caller caller = callers.current();
        Task task = TaskVisibility.visibleTask(taskService, taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw new DomainException("task " + taskId + " is already claimed by " + task.getAssignee());
        }
        if (DECIDE.equals(task.getTaskDefinitionKey())) {
            Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId(),
                    List.of(REQUEST_ID, ORGANISATION_ID));
            requests.find((Long) variables.get(REQUEST_ID)).ifPresent(request ->
                    request.checkMayDecide((Long) variables.get(ORGANISATION_ID), caller.username()));
        } else if (DECIDE_AMENDMENT.equals(task.getTaskDefinitionKey())) {
            Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId(),
                    List.of(AMENDMENT_ID, ORGANISATION_ID));
            amendments.checkMayDecide((Long) variables.get(AMENDMENT_ID), (Long) variables.get(ORGANISATION_ID),
                    caller.username());
        }
        taskCommands.assign(taskId, caller.username(), caller.username());
    }

    public void unclaim(String taskId) {
        Caller caller = callers.current();
        Task task = TaskVisibility.visibleTask(taskService, taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw new AccessDeniedException("task " + taskId + " is claimed by someone else");
        }
        taskCommands.assign(taskId, null, caller.username());
    }

    /**
     * Hands the caller's task to a colleague who could work it too; he resolves it and it comes back to the caller,
     * who completes it.
     */
    public void delegate(String taskId, String colleague) {
        Caller caller = callers.current();
        Task task = TaskVisibility.visibleTask(taskService, taskId, caller);
        if (!caller.username().equals(task.getAssignee())) {
            throw new DomainException("claim task " + taskId + " before delegating it");
        }
        AppUser other = users.find(colleague).orElse(null);
        if (other == null || !other.isEnabled() || other.username().equals(caller.username())
                || !TaskVisibility.isOfferedTo(taskService, taskId, Caller.of(other))) {
            throw ValidationException.of("colleague", "is a colleague to whom this task is offered too");
        }
        taskCommands.delegate(taskId, other.username(), caller.username());
    }

    /** The delegate gives the task back to its owner. */
    public void resolve(String taskId) {
        Caller caller = callers.current();
        Task task = TaskVisibility.visibleTask(taskService, taskId, caller);
        if (task.getDelegationState() != DelegationState.PENDING || !caller.username().equals(task.getAssignee())) {
            throw new DomainException("task " + taskId + " is not delegated to you");
        }
        taskCommands.resolve(taskId, caller.username());
    }

    /** The colleagues to whom the caller could delegate a task: enabled users it is offered to. */
    public List<String> colleagues(String taskId) {
        Caller caller = callers.current();
        TaskVisibility.visibleTask(taskService, taskId, caller);
        return users.enabled().stream()
                .filter(u -> !u.username().equals(caller.username()))
                .filter(u -> TaskVisibility.isOfferedTo(taskService, taskId, Caller.of(u)))
                .map(AppUser::username).toList();
    }

    private TaskView view(Task task, TaskFacts.Facts facts, Map<Long, FundingRequest> read) {
        FundingRequest request = facts.requestId() == null ? null : read.get(facts.requestId());
        boolean decision = DECIDE.equals(task.getTaskDefinitionKey())
                || DECIDE_AMENDMENT.equals(task.getTaskDefinitionKey());
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), facts.requestId(),
                request == null ? null : request.reference(), decision ? facts.organisationId() : null,
                instant(task.getCreateTime()), instant(task.getDueDate()), task.getAssignee(),
                task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.instant()),
                decision ? facts.level() : null, facts.trancheId());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
