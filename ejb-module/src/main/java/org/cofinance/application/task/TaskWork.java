package org.cofinance.application.task;

import static org.cofinance.bpmn.FundingRequestProcess.ARBITRATE;
import static org.cofinance.bpmn.AmendmentProcess.AMENDMENT_ID;
import static org.cofinance.bpmn.AmendmentProcess.DECIDE_AMENDMENT;
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

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.ledger.LedgerService;
import org.cofinance.application.request.AmendmentWorkflowService;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.document.DocumentKind;
import org.cofinance.domain.model.document.DocumentRepository;
import org.cofinance.domain.model.document.DocumentRequiredException;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.IndicatorValue;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.request.TrancheTerms;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * The work on a task: the caller's answer checked against the task's rule, what it records (a funder's decision on a
 * request or an amendment, who instructed, a tranche's evidence or validation), and the task completed — in one transaction with whatever the
 * process does next (posting the commitments after the last approval, for instance).
 */
@Stateless
public class TaskWork {

    private final FundingRequestRepository requests;
    private final DocumentRepository documents;
    private final LedgerService ledger;
    private final RequestWorkflowService workflow;
    private final AmendmentWorkflowService amendments;
    private final TaskCommands taskCommands;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public TaskWork(FundingRequestRepository requests, DocumentRepository documents, LedgerService ledger,
                    RequestWorkflowService workflow, AmendmentWorkflowService amendments, TaskCommands taskCommands,
                    TaskService taskService, RuntimeService runtimeService, Callers callers, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.ledger = ledger;
        this.workflow = workflow;
        this.amendments = amendments;
        this.taskCommands = taskCommands;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected TaskWork() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /** What the process knows of a task: its request and, for a funder's decision, the organisation and level. */
    record TaskFacts(Long requestId, Long organisationId, String level, Long trancheId, Long amendmentId) {
    }

    /** Records the caller's answer and completes the task. */
    public void complete(String taskId, TaskAnswer answer) {
        Caller caller = callers.current();
        Task task = TaskVisibility.visibleTask(taskService, taskId, caller);
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username())) {
            throw new DomainException("task " + taskId + " is claimed by " + task.getAssignee());
        }
        DecisionOutcome outcome = TaskRules.outcome(answer);
        TaskRules.Rule rule = TaskRules.of(task.getTaskDefinitionKey());
        caller.require(rule.role());
        rule.check(outcome);
        TaskFacts facts = factsOf(task);
        boolean funderDecision = DECIDE.equals(task.getTaskDefinitionKey())
                || DECIDE_AMENDMENT.equals(task.getTaskDefinitionKey());
        if (DECIDE.equals(task.getTaskDefinitionKey())) {
            recordFunderDecision(task, caller, facts, outcome, answer);
        } else if (DECIDE_AMENDMENT.equals(task.getTaskDefinitionKey())) {
            amendments.decide(facts.amendmentId(), facts.organisationId(), facts.level(), outcome, answer.comment(),
                    caller.username(), task.getId());
        } else {
            recordOfficeWork(task, caller, facts, outcome, answer);
        }
        VariableMap variables = Variables.createVariables()
                .putValueTyped(DECISION, Variables.stringValue(outcome.name(), true));
        if (!funderDecision) {
            // parallel decisions never lead to a job of their own, and would update it concurrently
            variables.putValue(LAST_ACTOR, caller.username());
        }
        taskCommands.assignAndComplete(taskId, task.getAssignee() == null ? caller.username() : null, variables,
                caller.username());
    }

    /** What the officers' and finance's tasks write besides their answer: who instructed, a tranche's evidence. */
    private void recordOfficeWork(Task task, Caller caller, TaskFacts facts, DecisionOutcome outcome,
                                  TaskAnswer answer) {
        switch (task.getTaskDefinitionKey()) {
            case INSTRUCT -> request(facts.requestId()).instructedBy(caller.username());
            case RECORD_EVIDENCE -> {
                Tranche tranche = tranche(facts);
                if (!documents.exists(facts.requestId(), DocumentKind.EVIDENCE, tranche.id())) {
                    throw new DocumentRequiredException("the evidence of tranche " + tranche.label() + " needs at "
                            + "least one EVIDENCE document of that tranche: upload it first");
                }
                if (tranche.request().isLastTranche(tranche) && amendments.pendingOn(facts.requestId())) {
                    throw new DomainException("an amendment of this convention awaits its funders: the last tranche "
                            + "waits for their decision");
                }
                recordEvidence(tranche, caller, answer);
                ledger.askTranchePayments(facts.trancheId());
            }
            case REVISE_PLAN, ARBITRATE -> {
                if (outcome == DecisionOutcome.APPROVE) {
                    List<String> reasons = workflow.eligibilityReasons(facts.requestId(),
                            task.getProcessDefinitionId());
                    if (!reasons.isEmpty()) {
                        throw ValidationException.of("plan", "the plan as it stands breaks the call's rules "
                                + reasons + ": revise it before routing it again");
                    }
                }
            }
            case VALIDATE_PAYMENT -> answerPayment(caller, facts, outcome);
            case SIGN_CONVENTION -> {
                if (!documents.exists(facts.requestId(), DocumentKind.CONVENTION_SIGNED, null)) {
                    throw new DocumentRequiredException("the convention is signed once its signed copy is kept: "
                            + "upload a CONVENTION_SIGNED document first");
                }
                workflow.contract(facts.requestId(), caller.username(), schedule(answer));
            }
            default -> {
                // the answer is all these tasks take
            }
        }
        requests.flush();
    }

    /**
     * A funder's finance answers on its share of the tranche: only the finance of that funder, who did not record the
     * evidence. A task of the model's first version names no funder: its validator answers for every funder at once.
     */
    private void answerPayment(Caller caller, TaskFacts facts, DecisionOutcome outcome) {
        List<Long> funders;
        if (facts.organisationId() != null) {
            if (!caller.actsFor(facts.organisationId())) {
                throw new AccessDeniedException("only the finance of organisation " + facts.organisationId()
                        + " pays its share");
            }
            funders = List.of(facts.organisationId());
        } else {
            funders = ledger.fundersToPay(facts.trancheId());
            if (funders.isEmpty()) {
                // evidence recorded before each funder's share was asked
                ledger.askTranchePayments(facts.trancheId());
                funders = ledger.fundersToPay(facts.trancheId());
            }
        }
        for (Long funder : funders) {
            if (outcome == DecisionOutcome.APPROVE) {
                ledger.payTrancheShare(facts.trancheId(), funder, caller.username());
            } else {
                ledger.refuseTrancheShare(facts.trancheId(), funder, caller.username());
            }
        }
    }

    /** The schedule the officer typed, as terms; every line's wrong field is named at once. */
    private static List<TrancheTerms> schedule(TaskAnswer answer) {
        if (answer.schedule() == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        List<TrancheTerms> terms = new ArrayList<>();
        for (int i = 0; i < answer.schedule().size(); i++) {
            TaskAnswer.ScheduleLine line = answer.schedule().get(i);
            String field = "schedule[" + i + "].";
            BigDecimal share = null;
            try {
                share = line.share() == null ? null : new BigDecimal(line.share().strip());
            } catch (NumberFormatException e) {
                violations.add(new Violation(field + "share", "is a percentage like \"30.00\""));
            }
            LocalDate dueOn = Inputs.date(line.dueOn(), field + "dueOn", violations);
            terms.add(new TrancheTerms(line.label(), share, dueOn));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return terms;
    }

    private void recordEvidence(Tranche tranche, Caller caller, TaskAnswer answer) {
        List<Violation> violations = new ArrayList<>();
        Money justified = answer.amount() == null || answer.amount().isBlank() ? null
                : Inputs.amount(answer.amount(), "amount", violations, false);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<IndicatorValue> actuals = actuals(answer);
        tranche.recordEvidence(answer.comment(), justified, justified == null ? null : ledger.scheduledTotal(tranche),
                caller.username(), clock.instant());
        if (!actuals.isEmpty()) {
            tranche.request().reportActuals(tranche, actuals, caller.username(), clock.instant());
        }
    }

    /** The actuals typed with the evidence; every unreadable one named at once ({@code actuals[i].code|value}). */
    private static List<IndicatorValue> actuals(TaskAnswer answer) {
        if (answer.actuals() == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        List<IndicatorValue> values = new ArrayList<>();
        for (int i = 0; i < answer.actuals().size(); i++) {
            TaskAnswer.Actual actual = answer.actuals().get(i);
            String field = "actuals[" + i + "]";
            if (actual == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            if (actual.code() == null || actual.code().isBlank()) {
                violations.add(new Violation(field + ".code", "is required"));
            }
            values.add(new IndicatorValue(actual.code() == null ? null : actual.code().strip(),
                    Inputs.decimal(actual.value(), field + ".value", violations)));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return values;
    }

    private void recordFunderDecision(Task task, Caller caller, TaskFacts facts, DecisionOutcome outcome,
                                      TaskAnswer answer) {
        FundingRequest request = request(facts.requestId());
        if (request.handling().wasHandledBy(caller.username())) {
            throw new AccessDeniedException("whoever registered, submitted or instructed a request never decides on it");
        }
        List<Violation> violations = new ArrayList<>();
        Money amount = answer.amount() == null ? null : Inputs.money(answer.amount(), "amount", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        request.recordDecision(facts.organisationId(), facts.level(), outcome, amount, answer.comment(),
                caller.username(), clock.instant(), task.getId());
        requests.flush();
    }

    private FundingRequest request(Long requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("no request " + requestId));
    }

    private Tranche tranche(TaskFacts facts) {
        return requests.lockTranche(facts.trancheId())
                .orElseThrow(() -> new NotFoundException("no tranche " + facts.trancheId()));
    }

    /** Read in one call to the engine rather than one per variable. */
    private TaskFacts factsOf(Task task) {
        Map<String, Object> variables = runtimeService.getVariables(task.getExecutionId(),
                List.of(REQUEST_ID, ORGANISATION_ID, LEVEL, TRANCHE_ID, AMENDMENT_ID));
        return new TaskFacts((Long) variables.get(REQUEST_ID), (Long) variables.get(ORGANISATION_ID),
                (String) variables.get(LEVEL), (Long) variables.get(TRANCHE_ID), (Long) variables.get(AMENDMENT_ID));
    }
}
