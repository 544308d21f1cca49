package org.cofinance.application.task;

import static org.cofinance.bpmn.AmendmentProcess.DECIDE_AMENDMENT;
import static org.cofinance.bpmn.FundingRequestProcess.ARBITRATE;
import static org.cofinance.bpmn.FundingRequestProcess.AWAIT_COMPLEMENTS;
import static org.cofinance.bpmn.FundingRequestProcess.DECIDE;
import static org.cofinance.bpmn.FundingRequestProcess.INSTRUCT;
import static org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE;
import static org.cofinance.bpmn.FundingRequestProcess.REVISE_PLAN;
import static org.cofinance.bpmn.FundingRequestProcess.SIGN_CONVENTION;
import static org.cofinance.bpmn.FundingRequestProcess.VALIDATE_PAYMENT;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.cofinance.application.shared.Inputs;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.user.Role;

/**
 * Who works each type of task and which answers it takes. A funder's decision is an approver's and takes any
 * {@link DecisionOutcome}, its decision on an amendment APPROVE or REJECT; every task takes {@code APPROVE} as its
 * plain "go on" answer.
 */
public final class TaskRules {

    /** The role that works a task type, and its answers. */
    public record Rule(Role role, Set<DecisionOutcome> answers) {

        /** @throws ValidationException on {@code decision} when the task does not take that answer */
        public void check(DecisionOutcome outcome) {
            if (!answers.contains(outcome)) {
                throw ValidationException.of("decision", "this task takes " + answers.stream().map(Enum::name)
                        .sorted().toList());
            }
        }
    }

    private static final Rule OFFICERS_GO_ON_OR_STOP = new Rule(Role.OFFICER,
            EnumSet.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT));

    private static final Map<String, Rule> RULES = Map.of(
            DECIDE, new Rule(Role.APPROVER, EnumSet.allOf(DecisionOutcome.class)),
            INSTRUCT, new Rule(Role.OFFICER,
                    EnumSet.of(DecisionOutcome.APPROVE, DecisionOutcome.REQUEST_CHANGES, DecisionOutcome.REJECT)),
            AWAIT_COMPLEMENTS, OFFICERS_GO_ON_OR_STOP,
            ARBITRATE, OFFICERS_GO_ON_OR_STOP,
            REVISE_PLAN, OFFICERS_GO_ON_OR_STOP,
            SIGN_CONVENTION, new Rule(Role.OFFICER, EnumSet.of(DecisionOutcome.APPROVE)),
            RECORD_EVIDENCE, new Rule(Role.OFFICER, EnumSet.of(DecisionOutcome.APPROVE)),
            VALIDATE_PAYMENT, new Rule(Role.FINANCE, EnumSet.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT)),
            DECIDE_AMENDMENT, new Rule(Role.APPROVER, EnumSet.of(DecisionOutcome.APPROVE, DecisionOutcome.REJECT)));

    private TaskRules() {
    }

    /** The rule of a task type; an officer's go-on-or-stop for a type a newer model adds. */
    public static Rule of(String taskType) {
        return RULES.getOrDefault(taskType, OFFICERS_GO_ON_OR_STOP);
    }

    /** The answer a client typed, as an outcome. */
    public static DecisionOutcome outcome(TaskAnswer answer) {
        if (answer == null || answer.decision() == null) {
            throw ValidationException.of("decision",
                    "is required: APPROVE, APPROVE_REDUCED, REJECT or REQUEST_CHANGES");
        }
        return Inputs.parseEnum(DecisionOutcome.class, answer.decision(), "decision");
    }
}
