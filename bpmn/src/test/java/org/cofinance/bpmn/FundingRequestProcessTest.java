package org.cofinance.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.cofinance.bpmn.FundingRequestProcess.ARBITRATE;
import static org.cofinance.bpmn.FundingRequestProcess.AWAIT_COMPLEMENTS;
import static org.cofinance.bpmn.FundingRequestProcess.CANCEL_MESSAGE;
import static org.cofinance.bpmn.FundingRequestProcess.CANCEL_REQUEST;
import static org.cofinance.bpmn.FundingRequestProcess.CHECK_ELIGIBILITY;
import static org.cofinance.bpmn.FundingRequestProcess.CLOSE_REQUEST;
import static org.cofinance.bpmn.FundingRequestProcess.COMMITTEE_LEVEL_DECISION;
import static org.cofinance.bpmn.FundingRequestProcess.DECIDE;
import static org.cofinance.bpmn.FundingRequestProcess.DECISION;
import static org.cofinance.bpmn.FundingRequestProcess.ELIGIBLE;
import static org.cofinance.bpmn.FundingRequestProcess.ESCALATE_LATE_DECISIONS;
import static org.cofinance.bpmn.FundingRequestProcess.FUNDING_DECISIONS;
import static org.cofinance.bpmn.FundingRequestProcess.INSTRUCT;
import static org.cofinance.bpmn.FundingRequestProcess.KEY;
import static org.cofinance.bpmn.FundingRequestProcess.LAPSE_REQUEST;
import static org.cofinance.bpmn.FundingRequestProcess.LEVEL;
import static org.cofinance.bpmn.FundingRequestProcess.OFFICERS_GROUP;
import static org.cofinance.bpmn.FundingRequestProcess.ORGANISATION_ID;
import static org.cofinance.bpmn.FundingRequestProcess.POST_COMMITMENTS;
import static org.cofinance.bpmn.FundingRequestProcess.RECORD_CONVENTION;
import static org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE;
import static org.cofinance.bpmn.FundingRequestProcess.REJECT_REQUEST;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;
import static org.cofinance.bpmn.FundingRequestProcess.RESERVATION_FITS;
import static org.cofinance.bpmn.FundingRequestProcess.RESERVE_FUNDS;
import static org.cofinance.bpmn.FundingRequestProcess.REVISE_PLAN;
import static org.cofinance.bpmn.FundingRequestProcess.SEND_BACK_FOR_REVISION;
import static org.cofinance.bpmn.FundingRequestProcess.SIGN_CONVENTION;
import static org.cofinance.bpmn.FundingRequestProcess.TRANCHE_ID;
import static org.cofinance.bpmn.FundingRequestProcess.VALIDATE_PAYMENT;
import static org.cofinance.bpmn.FundingRequestProcess.approversGroup;
import static org.cofinance.bpmn.FundingRequestProcess.financeGroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of the funding-request process, with the application's delegates replaced by recording fakes.
 * Everything runs synchronously; timers are executed explicitly.
 */
@Deployment(resources = {"processes/funding-request.bpmn", "processes/eligibility.dmn",
        "processes/committee-level.dmn"})
class FundingRequestProcessTest {

    private static final long REQUEST = 42L;
    private static final long CDC = 1L;
    private static final long INVESTOR = 2L;
    private static final long REGION = 3L;

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(
            new StandaloneInMemProcessEngineConfiguration()
                    .setJdbcUrl("jdbc:h2:mem:funding-request-process;DB_CLOSE_DELAY=-1")
                    .setExpressionManager(new MockExpressionManager())
                    .setHistory("full")
                    .setJobExecutorActivate(false)
                    .buildProcessEngine());

    ProcessEngine engine;

    private final List<String> calls = new ArrayList<>();
    private final Map<Long, String> decisions = new HashMap<>();
    private boolean envelopesHold = true;
    private final Map<Long, String> kinds = Map.of(CDC, "CDC", INVESTOR, "PRIVATE_INVESTOR", REGION, "REGION");
    private final Map<Long, Long> askedCents = new HashMap<>(Map.of(CDC, 400_000_000L, INVESTOR, 300_000_000L,
            REGION, 200_000_000L));
    private boolean eligible = true;

    /** Stands in for the application bean that reads the recorded funder decisions. */
    public class FakeFundingDecisions {
        /** As the application does when the approving funders' parts of the plan did not change. */
        public List<Long> fundersToDecide(Long requestId) {
            return List.of(CDC, INVESTOR, REGION).stream().filter(org -> !"APPROVE".equals(decisions.get(org)))
                    .toList();
        }

        public boolean allApproved(Long requestId) {
            return List.of(CDC, INVESTOR, REGION).stream().allMatch(org -> "APPROVE".equals(decisions.get(org)));
        }

        public boolean anyRejected(Long requestId) {
            return decisions.containsValue("REJECT");
        }

        /** As the application does: the deployed committee-level decision, by kind and amount asked. */
        public List<String> committeeLevels(Long requestId, Long organisationId, String processDefinitionId) {
            return engine.getDecisionService().evaluateDecisionTableByKey(COMMITTEE_LEVEL_DECISION,
                    Variables.createVariables().putValue("organisationKind", kinds.get(organisationId))
                            .putValue("amountCents", askedCents.get(organisationId))).collectEntries(LEVEL);
        }

        public boolean stoppedAt(Long requestId, Long organisationId) {
            return decisions.containsKey(organisationId) && !"APPROVE".equals(decisions.get(organisationId));
        }

        public List<Long> trancheIds(Long requestId) {
            return TRANCHES;
        }

        /** As the application does: the funders whose share of the tranche is still to pay. */
        public List<Long> fundersToPay(Long trancheId) {
            return List.of(CDC, INVESTOR, REGION).stream()
                    .filter(org -> !paid.getOrDefault(trancheId, java.util.Set.of()).contains(org)).toList();
        }

        public boolean tranchePaid(Long trancheId) {
            return fundersToPay(trancheId).isEmpty();
        }

        public java.util.Date trancheDue(Long trancheId) {
            return java.util.Date.from(java.time.Instant.parse("2027-01-15T08:00:00Z").plus(
                    java.time.Duration.ofDays(365 * (trancheId - 100))));
        }
    }

    private static final List<Long> TRANCHES = List.of(100L, 101L, 102L);

    /** Per tranche, the funders that paid their share of it (as the application records it when one validates). */
    private final Map<Long, java.util.Set<Long>> paid = new HashMap<>();

    @BeforeEach
    void registerDelegates() {
        Mocks.register(CHECK_ELIGIBILITY, (JavaDelegate) execution -> {
            calls.add("eligibility");
            execution.setVariable(ELIGIBLE, eligible);
        });
        Mocks.register(RESERVE_FUNDS, (JavaDelegate) execution -> {
            calls.add("reserve");
            execution.setVariable(RESERVATION_FITS, envelopesHold);
        });
        Mocks.register(POST_COMMITMENTS, (JavaDelegate) execution -> calls.add("post"));
        Mocks.register(SEND_BACK_FOR_REVISION, (JavaDelegate) execution -> calls.add("send-back"));
        Mocks.register(REJECT_REQUEST, (JavaDelegate) execution -> calls.add("reject"));
        Mocks.register(LAPSE_REQUEST, (JavaDelegate) execution -> calls.add("lapse"));
        Mocks.register(CANCEL_REQUEST, (JavaDelegate) execution -> calls.add("cancel"));
        Mocks.register(ESCALATE_LATE_DECISIONS, (JavaDelegate) execution -> calls.add("escalate"));
        Mocks.register(RECORD_CONVENTION, (JavaDelegate) execution -> calls.add("contract"));
        Mocks.register(CLOSE_REQUEST, (JavaDelegate) execution -> calls.add("close"));
        Mocks.register(FUNDING_DECISIONS, new FakeFundingDecisions());
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    @Test
    void shouldPostCommitmentsWhenEveryFunderApproves() {
        // given a submitted request whose envelopes hold its plan
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(DECIDE);
        assertThat(taskQuery().taskDefinitionKey(DECIDE).list()).hasSize(3);

        // when the three funders approve
        decide(CDC, "APPROVE");
        decide(INVESTOR, "APPROVE");
        assertThat(instance).isWaitingAt(DECIDE);
        decide(REGION, "APPROVE");

        // then the commitments are posted and the officer is asked to sign the convention
        assertThat(instance).hasPassed("post-commitments").hasNotPassed("reject-request")
                .isWaitingAt(SIGN_CONVENTION);
        assertThat(task()).hasCandidateGroup(OFFICERS_GROUP);
        assertThat(calls).containsExactly("eligibility", "reserve", "post");
    }

    @Test
    void shouldAskOnlyTheFundersWhoseApprovalDoesNotStandWhenARevisedPlanIsRoutedAgain() {
        // given the investor approved a reduced amount, the others approved: the plan goes back for revision
        ProcessInstance instance = start();
        decide(CDC, "APPROVE");
        decide(INVESTOR, "APPROVE_REDUCED");
        decide(REGION, "APPROVE");
        assertThat(instance).isWaitingAt(REVISE_PLAN);

        // when the officer routes the revised plan again
        answer(task(), "APPROVE");

        // then only the investor decides again, and its approval posts the commitments
        assertThat(taskQuery().taskDefinitionKey(DECIDE).list()).singleElement().satisfies(t ->
                assertThat(t).hasCandidateGroup(approversGroup(INVESTOR)));
        decide(INVESTOR, "APPROVE");
        assertThat(instance).hasPassed("post-commitments").isWaitingAt(SIGN_CONVENTION);
    }

    @Test
    void shouldHaveTheCdcsCommitteeThenItsBoardDecideAbove10MillionEuros() {
        // given the CDC asked 12 M€: its national committee, then its board
        askedCents.put(CDC, 1_200_000_000L);
        ProcessInstance instance = start();
        assertThat(level(CDC)).isEqualTo("NATIONAL_COMMITTEE");
        assertThat(level(INVESTOR)).isEqualTo("INVESTMENT_COMMITTEE");
        assertThat(level(REGION)).isEqualTo("COUNCIL");

        // when the committee and the other funders approve
        decide(CDC, "APPROVE");
        decide(INVESTOR, "APPROVE");
        decide(REGION, "APPROVE");

        // then the board decides next, and only its approval posts the commitments
        assertThat(instance).isWaitingAt(DECIDE).hasNotPassed("post-commitments");
        assertThat(level(CDC)).isEqualTo("BOARD");
        decide(CDC, "APPROVE");
        assertThat(instance).hasPassed("post-commitments").isWaitingAt(SIGN_CONVENTION);
    }

    @Test
    void shouldStopAtTheFirstLevelThatDoesNotApprove() {
        // given the CDC asked 12 M€ and its committee rejects
        askedCents.put(CDC, 1_200_000_000L);
        ProcessInstance instance = start();

        decide(CDC, "REJECT");

        // then the board is never asked and the request is rejected
        assertThat(instance).isEnded().hasPassed("reject-request").hasNotPassed("post-commitments");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName(LEVEL).list())
                .extracting(v -> v.getValue()).doesNotContain("BOARD");
    }

    @Test
    void shouldLetTheRegionalDirectorAndTheExecutiveDecideUpTo1MillionEuros() {
        askedCents.put(CDC, 100_000_000L);
        askedCents.put(REGION, 100_000_000L);

        start();

        assertThat(level(CDC)).isEqualTo("REGIONAL_DIRECTOR");
        assertThat(level(REGION)).isEqualTo("EXECUTIVE");
    }

    @Test
    void shouldPayEachTrancheFunderByFunderOnEvidenceThenCloseAndReleaseTheRest() {
        // given an approved request whose convention the officer signs
        ProcessInstance instance = approved();
        answer(task(), "APPROVE");
        assertThat(calls).endsWith("contract");

        for (long tranche : TRANCHES) {
            // when the officer records the milestone's evidence, due on the tranche's due day
            assertThat(instance).isWaitingAt(RECORD_EVIDENCE);
            assertThat(task()).hasCandidateGroup(OFFICERS_GROUP);
            assertThat(task().getDueDate()).isEqualTo(new FakeFundingDecisions().trancheDue(tranche));
            assertThat(engine.getRuntimeService().getVariable(task().getExecutionId(), TRANCHE_ID))
                    .isEqualTo(tranche);
            answer(task(), "APPROVE");

            // then each funder's finance is asked for its share, and the tranche waits until the last has paid
            assertThat(taskQuery().taskDefinitionKey(VALIDATE_PAYMENT).list()).hasSize(3);
            validatePayment(tranche, CDC, "APPROVE");
            validatePayment(tranche, INVESTOR, "APPROVE");
            assertThat(instance).isWaitingAt(VALIDATE_PAYMENT);
            validatePayment(tranche, REGION, "APPROVE");
        }

        // and the request is closed once every tranche is paid
        assertThat(instance).isEnded().hasPassed("close-request", "closed");
        assertThat(calls).containsExactly("eligibility", "reserve", "post", "contract", "close");
    }

    @Test
    void shouldAskForTheEvidenceAgainOnlyForTheFundersWhoRefusedIt() {
        // given the first tranche's evidence recorded
        ProcessInstance instance = approved();
        answer(task(), "APPROVE");
        answer(task(), "APPROVE");

        // when the CDC's finance pays its share, and the region's refuses the evidence
        validatePayment(100L, CDC, "APPROVE");
        validatePayment(100L, REGION, "REJECT");

        // then the tranche still waits for the fund's answer
        assertThat(instance).isWaitingAt(VALIDATE_PAYMENT);
        validatePayment(100L, INVESTOR, "APPROVE");

        // and once everyone answered, the officer records the evidence again, for the region alone
        assertThat(instance).isWaitingAt(RECORD_EVIDENCE);
        assertThat(engine.getRuntimeService().getVariable(task().getExecutionId(), TRANCHE_ID)).isEqualTo(100L);
        answer(task(), "APPROVE");
        assertThat(taskQuery().taskDefinitionKey(VALIDATE_PAYMENT).list()).singleElement()
                .satisfies(t -> assertThat(t).hasCandidateGroup(financeGroup(REGION)));
        validatePayment(100L, REGION, "APPROVE");
        assertThat(instance).isWaitingAt(RECORD_EVIDENCE);
        assertThat(engine.getRuntimeService().getVariable(task().getExecutionId(), TRANCHE_ID)).isEqualTo(101L);
    }

    @Test
    void shouldCancelAnApprovedRequestBeforeItsConventionButNotAfter() {
        // given an approved request awaiting its convention
        ProcessInstance instance = approved();

        // when it is cancelled
        cancel();

        // then its commitments are released by the cancellation
        assertThat(instance).isEnded().hasPassed("cancel-request").hasNotPassed("record-convention");
        assertThat(calls).endsWith("cancel");
    }

    @Test
    void shouldReserveInAJobOfItsOwnAfterAFavourableInstruction() {
        // given an instructed request
        ProcessInstance instance = submit();

        // when the instruction is favourable
        complete(task(), Variables.createVariables().putValueTyped(DECISION, Variables.stringValue("APPROVE", true)));

        // then the reservation waits for the job executor, and happens when its job runs
        assertThat(instance).isWaitingAt("reserve-funds");
        assertThat(calls).containsExactly("eligibility");
        org.camunda.bpm.engine.runtime.Job reservation = engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).activityId("reserve-funds").singleResult();
        assertThat(reservation.getRetries()).isEqualTo(3);
        engine.getManagementService().executeJob(reservation.getId());
        assertThat(calls).containsExactly("eligibility", "reserve");
        assertThat(instance).isWaitingAt(DECIDE);
    }

    @Test
    void shouldCloseAnIneligibleRequestWithoutReservingAnything() {
        // given a request that breaks the call's rules
        eligible = false;

        // when it is submitted
        ProcessInstance instance = submit();

        // then it ends ineligible, nothing reserved and no task created
        assertThat(instance).isEnded().hasPassed("check-eligibility", "ineligible").hasNotPassed("reserve-funds");
        assertThat(calls).containsExactly("eligibility");
    }

    @Test
    void shouldAskTheOfficerToInstructAnEligibleRequestWithADueDate() {
        // when an eligible request is submitted
        ProcessInstance instance = submit();

        // then it waits for the officers' instruction, due within 30 days, nothing reserved yet
        assertThat(instance).isWaitingAt(INSTRUCT);
        assertThat(task()).hasCandidateGroup(OFFICERS_GROUP);
        assertThat(task().getDueDate()).isAfter(new java.util.Date(System.currentTimeMillis()
                + java.time.Duration.ofDays(29).toMillis()));
        assertThat(calls).containsExactly("eligibility");
    }

    @Test
    void shouldGoBackToInstructionWhenTheAskedComplementsArrive() {
        // given an instruction that asks the project lead for complements
        ProcessInstance instance = submit();
        answer(task(), "REQUEST_CHANGES");
        assertThat(instance).isWaitingAt(AWAIT_COMPLEMENTS);

        // when the complements are received
        answer(task(), "APPROVE");

        // then the officer instructs again
        assertThat(instance).isWaitingAt(INSTRUCT);
        assertThat(calls).containsExactly("eligibility");
    }

    @Test
    void shouldLapseWhenNoComplementsArriveBeforeTheDeadline() {
        // given complements asked of the project lead
        ProcessInstance instance = submit();
        answer(task(), "REQUEST_CHANGES");

        // when the 60-day deadline passes
        org.camunda.bpm.engine.runtime.Job deadline = engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).timers().singleResult();
        assertThat(deadline.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis()
                + java.time.Duration.ofDays(59).toMillis()));
        engine.getManagementService().executeJob(deadline.getId());

        // then the request lapses
        assertThat(instance).isEnded().hasPassed("lapse-request", "lapsed");
        assertThat(calls).containsExactly("eligibility", "lapse");
    }

    @Test
    void shouldRejectARequestInstructedUnfavourably() {
        ProcessInstance instance = submit();

        answer(task(), "REJECT");

        assertThat(instance).isEnded().hasPassed("reject-request").hasNotPassed("reserve-funds");
        assertThat(calls).containsExactly("eligibility", "reject");
    }

    @Test
    void shouldCancelAtEachStageAndGiveTheMoneyBack() {
        // during instruction
        ProcessInstance instructing = submit();
        cancel();
        assertThat(instructing).isEnded().hasPassed("cancel-request", "cancelled");

        // while waiting for complements
        calls.clear();
        ProcessInstance complements = submit();
        answer(task(), "REQUEST_CHANGES");
        cancel();
        assertThat(complements).isEnded().hasPassed("cancel-request");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(complements.getId()).count())
                .as("the deadline timer is gone").isZero();

        // in arbitration
        envelopesHold = false;
        ProcessInstance arbitrating = start();
        assertThat(arbitrating).isWaitingAt(ARBITRATE);
        cancel();
        assertThat(arbitrating).isEnded().hasPassed("cancel-request");

        // while the funders decide
        envelopesHold = true;
        ProcessInstance deciding = start();
        decide(CDC, "APPROVE");
        cancel();
        assertThat(deciding).isEnded().hasPassed("cancel-request").hasNotPassed("post-commitments");
        assertThat(taskQuery().count()).isZero();
    }

    @Test
    void shouldEscalateDecisionsStillOpenAfterFifteenDaysAndLetThemGoOn() {
        // given three decisions due in 15 days, one of them given
        ProcessInstance instance = start();
        assertThat(taskQuery().taskDefinitionKey(DECIDE).list()).allSatisfy(t ->
                assertThat(t.getDueDate()).isAfter(new java.util.Date(System.currentTimeMillis()
                        + java.time.Duration.ofDays(14).toMillis())));
        decide(CDC, "APPROVE");

        // when the 15 days pass
        org.camunda.bpm.engine.runtime.Job late = engine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).timers().singleResult();
        engine.getManagementService().executeJob(late.getId());

        // then the late decisions are escalated, and still wait for their answers
        assertThat(calls).containsExactly("eligibility", "reserve", "escalate");
        assertThat(instance).isWaitingAt(DECIDE);
        assertThat(taskQuery().taskDefinitionKey(DECIDE).count()).isEqualTo(2);

        // and when they come, the commitments are posted as usual
        decide(INVESTOR, "APPROVE");
        decide(REGION, "APPROVE");
        assertThat(instance).hasPassed("post-commitments", "escalated").isWaitingAt(SIGN_CONVENTION);
    }

    @Test
    void shouldOfferEachDecisionToItsOwnOrganisationsApprovers() {
        // given a submitted request
        start();

        // then each funder's task is offered to that organisation's approvers only
        for (long org : List.of(CDC, INVESTOR, REGION)) {
            assertThat(taskQuery().taskCandidateGroup(approversGroup(org)).list()).hasSize(1);
        }
        assertThat(taskQuery().taskCandidateGroup(OFFICERS_GROUP).list()).isEmpty();
    }

    @Test
    void shouldRejectAtTheFirstRejectionWithoutWaitingForTheOthers() {
        // given a submitted request awaiting three decisions
        ProcessInstance instance = start();

        // when the investor rejects
        decide(INVESTOR, "REJECT");

        // then the other tasks are withdrawn and the reservations voided
        assertThat(instance).isEnded().hasPassed("reject-request").hasNotPassed("post-commitments");
        assertThat(taskQuery().count()).isZero();
        assertThat(calls).containsExactly("eligibility", "reserve", "reject");
    }

    @Test
    void shouldSendTheRequestToArbitrationWhenAnEnvelopeCannotHoldIt() {
        // given envelopes too small for the plan
        envelopesHold = false;
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(ARBITRATE);
        assertThat(task()).hasCandidateGroup(OFFICERS_GROUP);

        // when the officer waits for room and the envelopes now hold it
        envelopesHold = true;
        answer(task(), "APPROVE");

        // then the reservation is tried again and the funders decide
        assertThat(instance).isWaitingAt(DECIDE);
        assertThat(calls).containsExactly("eligibility", "reserve", "reserve");
    }

    @Test
    void shouldEndTheRequestWhenArbitrationRefusesIt() {
        // given a request in arbitration
        envelopesHold = false;
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(ARBITRATE);

        // when the officer refuses it
        answer(task(), "REJECT");

        // then it ends rejected
        assertThat(instance).isEnded().hasPassed("reject-request");
        assertThat(calls).containsExactly("eligibility", "reserve", "reject");
    }

    @Test
    void shouldSendThePlanBackForRevisionOnAReducedApprovalAndRouteItAgain() {
        // given a request where the region approves a reduced amount
        ProcessInstance instance = start();
        decide(CDC, "APPROVE");
        decide(INVESTOR, "APPROVE");
        decide(REGION, "APPROVE_REDUCED");

        // then the reservations are released and the officer revises the plan
        assertThat(instance).isWaitingAt(REVISE_PLAN);
        assertThat(calls).containsExactly("eligibility", "reserve", "send-back");

        // when the officer routes the revised plan again
        decisions.clear();
        answer(task(), "APPROVE");

        // then it is reserved again and the funders decide again
        assertThat(instance).isWaitingAt(DECIDE);
        assertThat(calls).containsExactly("eligibility", "reserve", "send-back", "reserve");
    }

    @Test
    void shouldEndTheRequestWhenTheOfficerAbandonsTheRevision() {
        // given a request sent back for revision
        ProcessInstance instance = start();
        decide(CDC, "REQUEST_CHANGES");
        decide(INVESTOR, "APPROVE");
        decide(REGION, "APPROVE");
        assertThat(instance).isWaitingAt(REVISE_PLAN);

        // when the officer ends it
        answer(task(), "REJECT");

        // then the request is rejected
        assertThat(instance).isEnded().hasPassed("reject-request");
    }

    /** Approved by its three funders: the officer now signs its convention. */
    private ProcessInstance approved() {
        ProcessInstance instance = start();
        decide(CDC, "APPROVE");
        decide(INVESTOR, "APPROVE");
        decide(REGION, "APPROVE");
        assertThat(instance).isWaitingAt(SIGN_CONVENTION);
        return instance;
    }

    /** Submitted, eligible, and instructed favourably. */
    private ProcessInstance start() {
        ProcessInstance instance = submit();
        assertThat(instance).isWaitingAt(INSTRUCT);
        answer(task(), "APPROVE");
        return instance;
    }

    private ProcessInstance submit() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY, "CF-TEST",
                Map.of(REQUEST_ID, REQUEST));
        assertThat(instance).isStarted();
        return instance;
    }

    private void cancel() {
        engine.getRuntimeService().createMessageCorrelation(CANCEL_MESSAGE).processInstanceBusinessKey("CF-TEST")
                .correlate();
    }

    private void decide(long organisationId, String outcome) {
        Task task = taskQuery().taskDefinitionKey(DECIDE).taskCandidateGroup(approversGroup(organisationId))
                .singleResult();
        decisions.put(organisationId, outcome);
        answer(task, outcome);
    }

    /** The funder's finance answers on its share of the tranche; an approval pays it, as the application does. */
    private void validatePayment(long tranche, long organisationId, String outcome) {
        Task task = taskQuery().taskDefinitionKey(VALIDATE_PAYMENT).taskCandidateGroup(financeGroup(organisationId))
                .singleResult();
        assertThat(engine.getRuntimeService().getVariable(task.getExecutionId(), ORGANISATION_ID))
                .isEqualTo(organisationId);
        if ("APPROVE".equals(outcome)) {
            paid.computeIfAbsent(tranche, t -> new java.util.HashSet<>()).add(organisationId);
        }
        answer(task, outcome);
    }

    /** The committee level of the organisation's open decision. */
    private String level(long organisationId) {
        Task task = taskQuery().taskDefinitionKey(DECIDE).taskCandidateGroup(approversGroup(organisationId))
                .singleResult();
        return (String) engine.getTaskService().getVariable(task.getId(), LEVEL);
    }

    /** Completes the task, then runs the asynchronous steps it led to (the reservation), as the job executor would. */
    private void answer(Task task, String outcome) {
        complete(task, Variables.createVariables().putValueTyped(DECISION, Variables.stringValue(outcome, true)));
        for (org.camunda.bpm.engine.runtime.Job job : engine.getManagementService().createJobQuery().messages()
                .list()) {
            engine.getManagementService().executeJob(job.getId());
        }
    }
}
