package org.cofinance.application.task;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Paging;
import org.cofinance.bpmn.AmendmentProcess;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;

/**
 * The task list of the web application: the caller's tasks and his groups' unclaimed ones, with what an approver
 * filters and sorts them by (funder, territory, theme, amount, due date, lateness, a request's reference or title),
 * due date first, a page at a time: the search filters and pages where the tasks are stored, and only the page's
 * tasks are read with their requests' facts.
 */
@Stateless
public class TaskBoardService {

    private final FundingRequestRepository requests;
    private final OrganisationRepository organisations;
    private final TaskService taskService;
    private final TaskSearch search;
    private final TaskFacts facts;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public TaskBoardService(FundingRequestRepository requests, OrganisationRepository organisations,
                            TaskService taskService, TaskSearch search, TaskFacts facts, Callers callers,
                            Clock clock) {
        this.requests = requests;
        this.organisations = organisations;
        this.taskService = taskService;
        this.search = search;
        this.facts = facts;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected TaskBoardService() {
        this(null, null, null, null, null, null, null);
    }

    /**
     * A task with its request's facts; {@code amount} is what the task's organisation funds (a decision) or the
     * eligible cost (an officer's task); {@code owner} is set while it is delegated.
     */
    public record TaskRow(String id, String name, String taskType, Long requestId, String requestReference,
                          String title, String territory, String theme, Long organisationId, String organisationName,
                          String amount, Instant created, Instant due, String assignee, String owner,
                          boolean delegated, boolean late, Long trancheId, String level, Long amendmentId)
            implements Serializable {
    }

    /**
     * One page of the tasks found: its rows, from the {@code first} (0 for the first found), of {@code found} in all;
     * {@code mine} and {@code unassigned} count the caller's tasks and his groups' unclaimed ones, whatever the
     * filters.
     */
    public record Board(List<TaskRow> rows, long found, int first, long mine, long unassigned)
            implements Serializable {

        public static Board empty() {
            return new Board(List.of(), 0, 0, 0, 0);
        }

        public boolean hasPrevious() {
            return first > 0;
        }

        public boolean hasNext() {
            return first + rows.size() < found;
        }
    }

    public Board search(TaskCriteria criteria, Paging paging) {
        Caller caller = callers.current();
        Instant now = clock.instant();
        TaskSearch.Filter filter = criteria.filterFor(caller, null, now);
        TaskSearch.Counts counts = search.counts(caller.username(), caller.taskGroups());
        // a scope alone, as the board first opens: its total is one of the counts
        TaskSearch.Found found = filter.scopeOnly()
                ? new TaskSearch.Found(search.page(filter, paging.offset(), paging.size()), counts.of(filter.scope()))
                : search.find(filter, paging.offset(), paging.size());
        return new Board(rows(found.page(), now), found.total(), paging.offset(), counts.mine(), counts.unassigned());
    }

    /** One task the caller may see, with its request's facts. */
    public TaskRow task(String taskId) {
        Task task = TaskVisibility.visibleTask(taskService, taskId, callers.current());
        return rows(List.of(task), clock.instant()).get(0);
    }

    /** The rows of these tasks, their facts, requests and organisations read once for them all. */
    private List<TaskRow> rows(List<Task> tasks, Instant now) {
        Map<String, TaskFacts.Facts> known = facts.of(tasks);
        Map<Long, FundingRequest> read = requests.readAllWithPlan(known.values().stream()
                .map(TaskFacts.Facts::requestId).toList());
        Map<Long, Optional<Organisation>> funders = new HashMap<>();
        List<TaskRow> rows = new ArrayList<>();
        for (Task task : tasks) {
            TaskFacts.Facts of = known.get(task.getId());
            boolean decision = FundingRequestProcess.DECIDE.equals(task.getTaskDefinitionKey())
                    || AmendmentProcess.DECIDE_AMENDMENT.equals(task.getTaskDefinitionKey());
            Long organisationId = decision ? of.organisationId() : null;
            Organisation organisation = organisationId == null ? null
                    : funders.computeIfAbsent(organisationId, organisations::find).orElse(null);
            FundingRequest request = of.requestId() == null ? null : read.get(of.requestId());
            rows.add(row(task, of, organisationId, request, organisation, now));
        }
        return rows;
    }

    private static TaskRow row(Task task, TaskFacts.Facts facts, Long organisationId, FundingRequest request,
                               Organisation organisation, Instant now) {
        boolean amendmentDecision = AmendmentProcess.DECIDE_AMENDMENT.equals(task.getTaskDefinitionKey());
        String amount = null;
        if (request != null) {
            amount = (organisationId == null ? request.project().eligibleCost()
                    : request.financingPlan().amountFundedBy(organisationId))
                    .toPlainString();
        }
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        return new TaskRow(task.getId(), task.getName(), task.getTaskDefinitionKey(), facts.requestId(),
                request == null ? null : request.reference(), request == null ? null : request.project().title(),
                request == null ? null : request.project().territory(),
                request == null ? null : request.project().theme().name(),
                organisationId, organisation == null ? null : organisation.name(), amount,
                task.getCreateTime().toInstant(), due, task.getAssignee(), task.getOwner(),
                task.getDelegationState() == DelegationState.PENDING, due != null && due.isBefore(now),
                facts.trancheId(), organisationId == null ? null : facts.level(),
                amendmentDecision ? facts.amendmentId() : null);
    }

}
