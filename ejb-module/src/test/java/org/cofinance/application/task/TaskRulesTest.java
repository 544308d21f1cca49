package org.cofinance.application.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskRulesTest {

    @ParameterizedTest
    @CsvSource({
            "decide, APPROVER", "instruct, OFFICER", "await-complements, OFFICER", "arbitrate, OFFICER",
            "revise-plan, OFFICER", "sign-convention, OFFICER", "record-evidence, OFFICER",
            "validate-payment, FINANCE"})
    void shouldGiveEachTaskToItsRole(String taskType, Role role) {
        assertThat(TaskRules.of(taskType).role()).isEqualTo(role);
    }

    @Test
    void shouldNameARuleForEveryUserTaskOfTheProcessAndTakeAPlainGoOnEverywhere() {
        for (String taskType : FundingRequestProcess.USER_TASKS) {
            assertThat(TaskRules.of(taskType).answers()).as(taskType).contains(DecisionOutcome.APPROVE);
        }
    }

    @Test
    void shouldTakeOnlyTheAnswersATaskAllows() {
        TaskRules.of(FundingRequestProcess.DECIDE).check(DecisionOutcome.APPROVE_REDUCED);
        TaskRules.of(FundingRequestProcess.INSTRUCT).check(DecisionOutcome.REQUEST_CHANGES);

        assertThatThrownBy(() -> TaskRules.of(FundingRequestProcess.SIGN_CONVENTION).check(DecisionOutcome.REJECT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("[APPROVE]");
        assertThatThrownBy(() -> TaskRules.of(FundingRequestProcess.VALIDATE_PAYMENT)
                .check(DecisionOutcome.APPROVE_REDUCED)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("[APPROVE, REJECT]");
        assertThatThrownBy(() -> TaskRules.of(FundingRequestProcess.INSTRUCT).check(DecisionOutcome.APPROVE_REDUCED))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldReadTheAnswerAClientTypedOrNameWhatIsExpected() {
        assertThat(TaskRules.outcome(new TaskAnswer("REJECT", null, null, null, null))).isEqualTo(DecisionOutcome.REJECT);
        assertThatThrownBy(() -> TaskRules.outcome(new TaskAnswer(null, null, null, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is required");
        assertThatThrownBy(() -> TaskRules.outcome(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> TaskRules.outcome(new TaskAnswer("MAYBE", null, null, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is one of");
    }
}
