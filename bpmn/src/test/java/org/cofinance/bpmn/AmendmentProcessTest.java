package org.cofinance.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.cofinance.bpmn.AmendmentProcess.AMENDMENT_DECISIONS;
import static org.cofinance.bpmn.AmendmentProcess.AMENDMENT_ID;
import static org.cofinance.bpmn.AmendmentProcess.APPLY_AMENDMENT;
import static org.cofinance.bpmn.AmendmentProcess.DECIDE_AMENDMENT;
import static org.cofinance.bpmn.AmendmentProcess.KEY;
import static org.cofinance.bpmn.AmendmentProcess.REJECT_AMENDMENT;
import static org.cofinance.bpmn.FundingRequestProcess.COMMITTEE_LEVEL_DECISION;
import static org.cofinance.bpmn.FundingRequestProcess.LEVEL;
import static org.cofinance.bpmn.FundingRequestProcess.ORGANISATION_ID;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;
import static org.cofinance.bpmn.FundingRequestProcess.approversGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of the amendment process, with the application's facade and delegates replaced by recording fakes: the
 * committee levels come from the deployed committee-level decision, by kind and new amount.
 */
@Deployment(resources = {"processes/amendment.bpmn", "processes/committee-level.dmn"})
class AmendmentProcessTest {

    private static final long REQUEST = 42L;
    private static final long AMENDMENT = 7L;
    private static final long CDC = 1L;
    private static final long REGION = 3L;

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(
            new StandaloneInMemProcessEngineConfiguration()
                    .setProcessEngineName("amendment-process")
                    .setJdbcUrl("jdbc:h2:mem:amendment-process;DB_CLOSE_DELAY=-1")
                    .setExpressionManager(new MockExpressionManager())
                    .setHistory("full")
                    .setJobExecutorActivate(false)
                    .buildProcessEngine());

    ProcessEngine engine;

    private final List<String> calls = new ArrayList<>();
    /** Each funder's decisions, level by level. */
    private final Map<Long, List<String>> decisions = new LinkedHashMap<>();
    private final Map<Long, String> kinds = Map.of(CDC, "CDC", REGION, "REGION");
    /** The funders' amounts as the amendment would make them, in cents. */
    private final Map<Long, Long> newCents = new LinkedHashMap<>();

    /** Stands in for the application's facade over the amendment's recorded decisions. */
    public class FakeAmendmentDecisions {
        public List<Long> fundersToDecide(Long amendmentId) {
            assertThat(amendmentId).isEqualTo(AMENDMENT);
            return List.copyOf(newCents.keySet());
        }

        public List<String> committeeLevels(Long amendmentId, Long organisationId, String processDefinitionId) {
            return engine.getDecisionService().evaluateDecisionTableByKey(COMMITTEE_LEVEL_DECISION,
                    Variables.createVariables().putValue("organisationKind", kinds.get(organisationId))
                            .putValue("amountCents", newCents.get(organisationId))).collectEntries(LEVEL);
        }

        public boolean stoppedAt(Long amendmentId, Long organisationId) {
            List<String> of = decisions.getOrDefault(organisationId, List.of());
            return !of.isEmpty() && !"APPROVE".equals(of.get(of.size() - 1));
        }

        public boolean anyRejected(Long amendmentId) {
            return decisions.values().stream().anyMatch(d -> d.contains("REJECT"));
        }
    }

    @BeforeEach
    void registerDelegates() {
        AbstractAssertions.init(engine);
        Mocks.register(APPLY_AMENDMENT, (JavaDelegate) execution -> calls.add("apply "
                + execution.getVariable(AMENDMENT_ID)));
        Mocks.register(REJECT_AMENDMENT, (JavaDelegate) execution -> calls.add("reject "
                + execution.getVariable(AMENDMENT_ID)));
        Mocks.register(AMENDMENT_DECISIONS, new FakeAmendmentDecisions());
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    private ProcessInstance file() {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY, "CF-2026-000042-A" + AMENDMENT,
                Variables.createVariables().putValue(REQUEST_ID, REQUEST).putValue(AMENDMENT_ID, AMENDMENT));
    }

    /** The funder's approver answers its open decide-amendment task; the level the task is at is returned. */
    private String decide(long organisationId, String outcome) {
        Task task = taskQuery().taskDefinitionKey(DECIDE_AMENDMENT).taskCandidateGroup(approversGroup(organisationId))
                .singleResult();
        assertThat(engine.getRuntimeService().getVariable(task.getExecutionId(), ORGANISATION_ID))
                .isEqualTo(organisationId);
        String level = (String) engine.getRuntimeService().getVariable(task.getExecutionId(), LEVEL);
        decisions.computeIfAbsent(organisationId, k -> new ArrayList<>()).add(outcome);
        complete(task);
        return level;
    }

    @Test
    void shouldApplyTheAmendmentOnceEveryFunderConcernedApproves() {
        // given an amendment raising the CDC's part to 800 000 € and lowering the region's to 150 000 €
        newCents.put(CDC, 80_000_000L);
        newCents.put(REGION, 15_000_000L);

        // when it is filed, then each funder concerned is asked, at once
        ProcessInstance amendment = file();
        assertThat(taskQuery().taskDefinitionKey(DECIDE_AMENDMENT).count()).isEqualTo(2);

        // when both approve, then the amendment is applied, once
        assertThat(decide(CDC, "APPROVE")).isEqualTo("REGIONAL_DIRECTOR");
        assertThat(calls).isEmpty();
        assertThat(decide(REGION, "APPROVE")).isEqualTo("EXECUTIVE");
        assertThat(amendment).isEnded().hasPassed("apply-amendment", "amendment-approved");
        assertThat(calls).containsExactly("apply " + AMENDMENT);
    }

    @Test
    void shouldRejectTheAmendmentAtTheFirstRefusalAndAskNobodyMore() {
        // given an amendment changing both funders' parts
        newCents.put(CDC, 80_000_000L);
        newCents.put(REGION, 15_000_000L);
        ProcessInstance amendment = file();

        // when the region refuses
        decide(REGION, "REJECT");

        // then the amendment is rejected, the CDC's task withdrawn, nothing applied
        assertThat(amendment).isEnded().hasPassed("reject-amendment", "amendment-rejected")
                .hasNotPassed("apply-amendment");
        assertThat(taskQuery().count()).isZero();
        assertThat(calls).containsExactly("reject " + AMENDMENT);
    }

    @Test
    void shouldAskTheCommitteeLevelsTheNewAmountCallsForOneAfterTheOther() {
        // given an amendment raising the CDC's part above 10 M€: its national committee, then its board
        newCents.put(CDC, 1_200_000_000L);
        ProcessInstance amendment = file();

        // when the national committee approves, then the board is asked next, the amendment waits
        assertThat(decide(CDC, "APPROVE")).isEqualTo("NATIONAL_COMMITTEE");
        assertThat(amendment).isWaitingAt(DECIDE_AMENDMENT);
        assertThat(calls).isEmpty();

        // when the board refuses, then the amendment is rejected
        assertThat(decide(CDC, "REJECT")).isEqualTo("BOARD");
        assertThat(amendment).isEnded().hasPassed("reject-amendment");
        assertThat(calls).containsExactly("reject " + AMENDMENT);
    }
}
