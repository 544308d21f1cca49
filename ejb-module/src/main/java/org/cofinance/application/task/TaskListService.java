package org.cofinance.application.task;

import static org.cofinance.bpmn.FundingRequestProcess.ARBITRATE;
import static org.cofinance.bpmn.FundingRequestProcess.AWAIT_COMPLEMENTS;
import static org.cofinance.bpmn.FundingRequestProcess.DECIDE;
import static org.cofinance.bpmn.FundingRequestProcess.DECISION;
import static org.cofinance.bpmn.FundingRequestProcess.INSTRUCT;
import static org.cofinance.bpmn.FundingRequestProcess.LAST_ACTOR;
import static org.cofinance.bpmn.FundingRequestProcess.LEVEL;
import static org.cofinance.bpmn.FundingRequestProcess.ORGANISATION_ID;
import static org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;
import static org.cofinance.bpmn.FundingRequestProcess.REVISE_PLAN;
import static org.cofinance.bpmn.FundingRequestProcess.SIGN_CONVENTION;
import static org.cofinance.bpmn.FundingRequestProcess.TRANCHE_ID;
import static org.cofinance.bpmn.FundingRequestProcess.VALIDATE_PAYMENT;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.ledger.LedgerService;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;

/**
 * The caller's task list and the work on its tasks. Only fixed engine queries are used; a task is visible to whoever
 * it is assigned to and to the members of its candidate groups, which for a funder's decision is that organisation's
 * approvers only.
 */
@Stateless
public class TaskListService {


    /** Who works each task besides a funder's decision (which takes any {@link DecisionOutcome}), and its answers. */
    private record TaskRule(Role role, Set<DecisionOutcome> answers) {
    }

    private static final java.util.Map<String, TaskRule> RULES = java.util.Map.of(
            INSTRUCT, new TaskRule(Role.OFFICER,
                    Set.of(DecisionOutcome.APPROVE, DecisionOutcome.REQUEST_CHANGES, DecisionOutcome.REJECT)),
            AWAIT_COMPLEMENTS, new TaskRule(Role.OFFICER, Set.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT)),
            ARBITRATE, new TaskRule(Role.OFFICER, Set.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT)),
            REVISE_PLAN, new TaskRule(Role.OFFICER, Set.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT)),
            SIGN_CONVENTION, new TaskRule(Role.OFFICER, Set.of(DecisionOutcome.APPROVE)),
            RECORD_EVIDENCE, new TaskRule(Role.OFFICER, Set.of(DecisionOutcome.APPROVE)),
            VALIDATE_PAYMENT, new TaskRule(Role.FINANCE, Set.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT)));

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    @EJB
    private LedgerService ledger;

    @EJB
    private RequestWorkflowService workflow;

    @Inject
    private TaskService taskService;

    @Inject
    private TaskCommands taskCommands;

    @Inject
    private RuntimeService runtimeService;

    @Inject
    private IdentityService identityService;

    @Inject
    private Clock clock;

    public Page<TaskView> list(Long requestId, String assignee, Paging paging) {
        Caller caller = callers.current();
        if (assignee != null && !assignee.isBlank() && !"me".equals(assignee) && !"none".equals(assignee)) {
            throw ValidationException.of("assignee", "is me or none");
        }
        Optional<TaskQuery> visible = TaskVisibility.visibleTasks(taskService, caller, assignee);
        if (visible.isEmpty()) {
            return new Page<>(List.of(), 0);
        }
        TaskQuery query = visible.get();
        if (requestId != null) {
            query.processVariableValueEquals(REQUEST_ID, requestId);
        }
        long total = query.count();
        List<TaskView> items = query.orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(paging.offset(), paging.size()).stream().map(this::view).toList();
        return new Page<>(items, total);
    }

    public void claim(String taskId) {
        Caller caller = callers.current();
        Task task = visibleTask(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw new DomainException("task " + taskId + " is already claimed by " + task.getAssignee());
        }
        asCaller(caller, () -> taskService.setAssignee(taskId, caller.username()));
    }

    public void unclaim(String taskId) {
        Caller caller = callers.current();
        Task task = visibleTask(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw new AccessDeniedException("task " + taskId + " is claimed by someone else");
        }
        asCaller(caller, () -> taskService.setAssignee(taskId, null));
    }

    /**
     * Records the caller's answer and completes the task, in one transaction with whatever the process does next
     * (posting the commitments after the last approval, for instance).
     */
    public void complete(String taskId, TaskAnswer answer) {
        Caller caller = callers.current();
        Task task = visibleTask(taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw new DomainException("task " + taskId + " is claimed by " + task.getAssignee());
        }
        DecisionOutcome outcome = outcome(answer);
        TaskFacts facts = factsOf(task);
        Long requestId = facts.requestId();
        if (DECIDE.equals(task.getTaskDefinitionKey())) {
            recordFunderDecision(task, caller, facts, outcome, answer);
        } else {
            TaskRule rule = RULES.getOrDefault(task.getTaskDefinitionKey(),
                    new TaskRule(Role.OFFICER, Set.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT)));
            caller.require(rule.role());
            if (!rule.answers().contains(outcome)) {
                throw ValidationException.of("decision", "this task takes " + rule.answers().stream()
                        .map(Enum::name).sorted().toList());
            }
            recordOfficeWork(task, caller, requestId, outcome, answer);
        }
        VariableMap variables = Variables.createVariables()
                .putValueTyped(DECISION, Variables.stringValue(outcome.name(), true));
        if (!DECIDE.equals(task.getTaskDefinitionKey())) {
            // parallel decisions never lead to a job of their own, and would update it concurrently
            variables.putValue(LAST_ACTOR, caller.username());
        }
        asCaller(caller, () -> taskCommands.assignAndComplete(taskId,
                task.getAssignee() == null ? caller.username() : null, variables));
    }

    /** What the officers' and finance's tasks write besides their answer: who instructed, a tranche's evidence. */
    private void recordOfficeWork(Task task, Caller caller, Long requestId, DecisionOutcome outcome,
                                  TaskAnswer answer) {
        switch (task.getTaskDefinitionKey()) {
            case INSTRUCT -> em.find(FundingRequest.class, requestId).instructedBy(caller.username());
            case RECORD_EVIDENCE -> recordEvidence(tranche(task), caller, answer);
            case REVISE_PLAN, ARBITRATE -> {
                if (outcome == DecisionOutcome.APPROVE) {
                    List<String> reasons = workflow.eligibilityReasons(requestId, task.getProcessDefinitionId());
                    if (!reasons.isEmpty()) {
                        throw ValidationException.of("plan", "the plan as it stands breaks the call's rules "
                                + reasons + ": revise it before routing it again");
                    }
                }
            }
            case VALIDATE_PAYMENT -> {
                if (outcome == DecisionOutcome.APPROVE) {
                    tranche(task).validate(caller.username(), clock.instant());
                } else {
                    tranche(task).refuse(caller.username());
                }
            }
            default -> {
                // the answer is all these tasks take
            }
        }
        em.flush();
    }

    private void recordEvidence(Tranche tranche, Caller caller, TaskAnswer answer) {
        List<Violation> violations = new ArrayList<>();
        Money justified = answer.amount() == null || answer.amount().isBlank() ? null
                : Inputs.amount(answer.amount(), "amount", violations, false);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        tranche.recordEvidence(answer.comment(), justified, justified == null ? null : ledger.scheduledTotal(tranche),
                caller.username(), clock.instant());
    }

    private Tranche tranche(Task task) {
        Long trancheId = (Long) runtimeService.getVariable(task.getExecutionId(), TRANCHE_ID);
        return em.find(Tranche.class, trancheId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    /** Runs engine work as the caller, so that the engine's history and listeners know who acted. */
    private void asCaller(Caller caller, Runnable work) {
        identityService.setAuthenticatedUserId(caller.username());
        try {
            work.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void recordFunderDecision(Task task, Caller caller, TaskFacts facts, DecisionOutcome outcome,
                                      TaskAnswer answer) {
        caller.require(Role.APPROVER);
        FundingRequest request = em.find(FundingRequest.class, facts.requestId());
        if (request.wasHandledBy(caller.username())) {
            throw new AccessDeniedException("whoever registered, submitted or instructed a request never decides on it");
        }
        List<Violation> violations = new ArrayList<>();
        Money amount = answer.amount() == null ? null
                : Inputs.money(answer.amount(), "amount", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        request.recordDecision(facts.organisationId(), facts.level(), outcome, amount, answer.comment(), caller.username(),
                clock.instant(),
                task.getId());
        em.flush();
    }

    private static DecisionOutcome outcome(TaskAnswer answer) {
        if (answer == null || answer.decision() == null) {
            throw ValidationException.of("decision", "is required: APPROVE, APPROVE_REDUCED, REJECT or REQUEST_CHANGES");
        }
        return Inputs.parseEnum(DecisionOutcome.class, answer.decision(), "decision");
    }

    private Task visibleTask(String taskId, Caller caller) {
        return TaskVisibility.visibleTask(taskService, taskId, caller);
    }

    /**
     * Hands the caller's task to a colleague who could work it too; he resolves it and it comes back to the caller,
     * who completes it.
     */
    public void delegate(String taskId, String colleague) {
        Caller caller = callers.current();
        Task task = visibleTask(taskId, caller);
        if (!caller.username().equals(task.getAssignee())) {
            throw new DomainException("claim task " + taskId + " before delegating it");
        }
        AppUser other = colleague == null ? null : em.find(AppUser.class, colleague);
        if (other == null || !other.isEnabled() || other.username().equals(caller.username())
                || !TaskVisibility.isOfferedTo(taskService, taskId, callerOf(other))) {
            throw ValidationException.of("colleague", "is a colleague to whom this task is offered too");
        }
        asCaller(caller, () -> taskService.delegateTask(taskId, other.username()));
    }

    /** The delegate gives the task back to its owner. */
    public void resolve(String taskId) {
        Caller caller = callers.current();
        Task task = visibleTask(taskId, caller);
        if (task.getDelegationState() != DelegationState.PENDING || !caller.username().equals(task.getAssignee())) {
            throw new DomainException("task " + taskId + " is not delegated to you");
        }
        asCaller(caller, () -> taskService.resolveTask(taskId));
    }

    /** The colleagues to whom the caller could delegate a task: enabled users it is offered to. */
    public List<String> colleagues(String taskId) {
        Caller caller = callers.current();
        visibleTask(taskId, caller);
        return em.createQuery("select u from AppUser u where u.enabled = true order by u.username", AppUser.class)
                .getResultList().stream()
                .filter(u -> !u.username().equals(caller.username()))
                .filter(u -> TaskVisibility.isOfferedTo(taskService, taskId, callerOf(u)))
                .map(AppUser::username).toList();
    }

    private static Caller callerOf(AppUser user) {
        return Caller.of(user);
    }

    private TaskView view(Task task) {
        TaskFacts facts = factsOf(task);
        FundingRequest request = em.find(FundingRequest.class, facts.requestId());
        boolean decision = DECIDE.equals(task.getTaskDefinitionKey());
        return new TaskView(task.getId(), task.getName(), task.getTaskDefinitionKey(), facts.requestId(),
                request == null ? null : request.reference(), decision ? facts.organisationId() : null,
                instant(task.getCreateTime()), instant(task.getDueDate()), task.getAssignee(),
                task.getDueDate() != null && task.getDueDate().toInstant().isBefore(clock.instant()),
                decision ? facts.level() : null);
    }

    /** What the process knows of a task: its request and, for a funder's decision, the organisation and level. */
    private record TaskFacts(Long requestId, Long organisationId, String level) {
    }

    /** Read in one call to the engine rather than one per variable. */
    private TaskFacts factsOf(Task task) {
        Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId(),
                List.of(REQUEST_ID, ORGANISATION_ID, LEVEL));
        return new TaskFacts((Long) variables.get(REQUEST_ID), (Long) variables.get(ORGANISATION_ID),
                (String) variables.get(LEVEL));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

}
