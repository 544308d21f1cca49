package org.cofinance.application.task;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Inputs;
import org.cofinance.bpmn.AmendmentProcess;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * The task list of the web application: the caller's tasks and his groups' unclaimed ones, with what an approver
 * filters and sorts them by (funder, territory, theme, amount, due date, lateness), due date first. The filters on the
 * requests' facts apply to the {@value #MAX_TASKS} tasks due soonest (the programme's filter, in the engine's query,
 * to all of them); when there are more, the board says so.
 */
@Stateless
public class TaskBoardService {

    private static final int MAX_TASKS = 2_000;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final int maxTasks;
    private final FundingRequestRepository requests;
    private final OrganisationRepository organisations;
    private final TaskService taskService;
    private final TaskFacts facts;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public TaskBoardService(FundingRequestRepository requests, OrganisationRepository organisations,
                            TaskService taskService, TaskFacts facts, Callers callers, Clock clock) {
        this(MAX_TASKS, requests, organisations, taskService, facts, callers, clock);
    }

    TaskBoardService(int maxTasks, FundingRequestRepository requests, OrganisationRepository organisations,
                     TaskService taskService, TaskFacts facts, Callers callers, Clock clock) {
        this.maxTasks = maxTasks;
        this.requests = requests;
        this.organisations = organisations;
        this.taskService = taskService;
        this.facts = facts;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected TaskBoardService() {
        this(null, null, null, null, null, null);
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
     * The rows kept; {@code capped} when the tasks of the scope and programme were more than the board reads, so that
     * some tasks due later were not filtered nor shown.
     */
    public record Board(List<TaskRow> rows, long mine, long unassigned, boolean capped) implements Serializable {

        public static Board empty() {
            return new Board(List.of(), 0, 0, false);
        }
    }

    public Board search(TaskCriteria criteria) {
        Caller caller = callers.current();
        List<Violation> violations = new ArrayList<>();
        Money min = criteria.minAmount() == null || criteria.minAmount().isBlank() ? null
                : Inputs.amount(criteria.minAmount(), "minAmount", violations, true);
        Money max = criteria.maxAmount() == null || criteria.maxAmount().isBlank() ? null
                : Inputs.amount(criteria.maxAmount(), "maxAmount", violations, true);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        long mine = TaskVisibility.visibleTasks(taskService, caller, "me").map(TaskQuery::count).orElse(0L);
        long unassigned = TaskVisibility.visibleTasks(taskService, caller, "none").map(TaskQuery::count).orElse(0L);
        Optional<TaskQuery> visible = TaskVisibility.visibleTasks(taskService, caller, criteria.scope());
        if (visible.isEmpty()) {
            return new Board(List.of(), mine, unassigned, false);
        }
        TaskQuery query = visible.get();
        if (criteria.programme() != null && !criteria.programme().isBlank()) {
            query.processVariableValueEquals(FundingRequestProcess.PROGRAMME_CODE, criteria.programme().strip());
        }
        Instant now = clock.instant();
        List<Task> read = query.orderByDueDate().asc().listPage(0, maxTasks + 1);
        boolean capped = read.size() > maxTasks;
        List<TaskRow> rows = rows(capped ? read.subList(0, maxTasks) : read, now);
        Predicate<TaskRow> keep = row -> true;
        if (criteria.funderId() != null) {
            keep = keep.and(r -> criteria.funderId().equals(r.organisationId()));
        }
        if (criteria.territory() != null && !criteria.territory().isBlank()) {
            keep = keep.and(r -> r.territory() != null && r.territory().equalsIgnoreCase(criteria.territory().strip()));
        }
        if (criteria.theme() != null && !criteria.theme().isBlank()) {
            keep = keep.and(r -> criteria.theme().equals(r.theme()));
        }
        if (min != null) {
            keep = keep.and(r -> r.amount() != null && Money.parse(r.amount()).compareTo(min) >= 0);
        }
        if (max != null) {
            keep = keep.and(r -> r.amount() != null && Money.parse(r.amount()).compareTo(max) <= 0);
        }
        if (criteria.dueBefore() != null) {
            Instant limit = criteria.dueBefore().plusDays(1).atStartOfDay(PARIS).toInstant();
            keep = keep.and(r -> r.due() != null && r.due().isBefore(limit));
        }
        if (criteria.lateOnly()) {
            keep = keep.and(TaskRow::late);
        }
        List<TaskRow> kept = rows.stream().filter(keep).sorted(Comparator.comparing(TaskRow::due,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(TaskRow::created)).toList();
        return new Board(kept, mine, unassigned, capped);
    }

    /** One task the caller may see, with its request's facts. */
    public TaskRow task(String taskId) {
        Task task = TaskVisibility.visibleTask(taskService, taskId, callers.current());
        return rows(List.of(task), clock.instant()).get(0);
    }

    /** The rows of these tasks, their facts, requests and organisations read once for them all. */
    private List<TaskRow> rows(List<Task> tasks, Instant now) {
        Map<String, TaskFacts.Facts> known = facts.of(tasks);
        Map<Long, FundingRequest> read = requests.findAllWithPlan(known.values().stream()
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
