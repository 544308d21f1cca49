package org.cofinance.application.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.bpmn.FundingRequestProcess.DECIDE;
import static org.cofinance.bpmn.FundingRequestProcess.DECISION;
import static org.cofinance.bpmn.FundingRequestProcess.INSTRUCT;
import static org.cofinance.bpmn.FundingRequestProcess.LAST_ACTOR;
import static org.cofinance.bpmn.FundingRequestProcess.LEVEL;
import static org.cofinance.bpmn.FundingRequestProcess.OFFICERS_GROUP;
import static org.cofinance.bpmn.FundingRequestProcess.ORGANISATION_ID;
import static org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;
import static org.cofinance.bpmn.FundingRequestProcess.REVISE_PLAN;
import static org.cofinance.bpmn.FundingRequestProcess.SIGN_CONVENTION;
import static org.cofinance.bpmn.FundingRequestProcess.TRANCHE_ID;
import static org.cofinance.bpmn.FundingRequestProcess.VALIDATE_PAYMENT;
import static org.cofinance.bpmn.FundingRequestProcess.approversGroup;
import static org.cofinance.bpmn.FundingRequestProcess.financeGroup;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.access.Callers;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.request.AmendmentWorkflowService;
import org.cofinance.application.request.RequestRules;
import org.cofinance.application.request.RequestWorkflowService;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.support.InMemoryAmendments;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.application.support.TaskEngine;
import org.cofinance.domain.model.document.Document;
import org.cofinance.domain.model.document.DocumentKind;
import org.cofinance.domain.model.document.DocumentRepository;
import org.cofinance.domain.model.document.DocumentRequiredException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.Decision;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.EligibilityFacts;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The work on a task: the answer checked against the task's rule and the caller's role, what it records on the
 * request, its tranche or its ledger, and the task completed as the caller — or nothing at all when it is refused.
 */
class TaskWorkTest {

    private static final TaskEngine ENGINE = TaskEngine.shared();
    private static final Date NEXT_WEEK = Date.from(LedgerWorld.NOW.plusSeconds(7 * 86_400));
    private static final TaskAnswer APPROVE = new TaskAnswer("APPROVE", null, null, null, null);

    /** The documents kept, as the task's rules ask for them: by request, kind and tranche. */
    private static final class KeptDocuments implements DocumentRepository {
        private final Set<String> kept = new HashSet<>();

        void keep(Long requestId, DocumentKind kind, Long trancheId) {
            kept.add(requestId + "/" + kind + "/" + trancheId);
        }

        @Override
        public void add(Document document) {
            throw new UnsupportedOperationException("the task work keeps no document");
        }

        @Override
        public Optional<Document> find(Long id) {
            return Optional.empty();
        }

        @Override
        public List<Document> ofRequest(Long requestId) {
            return List.of();
        }

        @Override
        public boolean exists(Long requestId, DocumentKind kind, Long trancheId) {
            return kept.contains(requestId + "/" + kind + "/" + trancheId);
        }
    }

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final KeptDocuments documents = new KeptDocuments();
    private final List<String> brokenRules = new ArrayList<>();
    private final RequestRules rules = new RequestRules() {
        @Override
        public List<String> eligibilityReasons(EligibilityFacts facts, String processDefinitionId) {
            return List.copyOf(brokenRules);
        }

        @Override
        public List<String> committeeLevels(OrganisationKind kind, Money amount, String processDefinitionId) {
            return List.of("COMMITTEE");
        }
    };
    private final InMemoryOrganisations organisations = new InMemoryOrganisations(world.cdc, world.fund, world.lead);
    private final RequestWorkflowService workflow = new RequestWorkflowService(world.requests, organisations,
            world.reservations, world.ledgerService, rules, world.clock);
    private final AmendmentWorkflowService amendments = new AmendmentWorkflowService(new InMemoryAmendments(world.locks),
            world.requests, organisations, world.ledger.commitmentRepository, world.ledger.envelopeRepository,
            world.ledger.entryRepository, rules, world.clock);
    private final TaskWork work = new TaskWork(world.requests, documents, world.ledgerService, workflow, amendments,
            ENGINE.commands(), ENGINE.taskService(), ENGINE.runtimeService(), new Callers(users), world.clock);

    private FundingRequest request;

    @BeforeEach
    void given() {
        user("officer", null, Role.OFFICER);
        user("officer2", null, Role.OFFICER);
        user("cdc", world.cdc.id(), Role.APPROVER);
        user("finance", world.cdc.id(), Role.FINANCE);
        user("finance-investor", world.fund.id(), Role.FINANCE);
        request = world.requestInInstruction(100, 200);
    }

    @AfterEach
    void endProcesses() {
        ENGINE.clear();
    }

    private void user(String name, Long organisation, Role... roles) {
        users.add(new AppUser(name, "hash", name, null, organisation, Set.of(roles)));
    }

    private Task officersTask(String key, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put(REQUEST_ID, request.id());
        return ENGINE.offer(key, OFFICERS_GROUP, NEXT_WEEK, variables);
    }

    private Task decision() {
        return ENGINE.offer(DECIDE, approversGroup(world.cdc.id()), NEXT_WEEK, Map.of(REQUEST_ID, request.id(),
                ORGANISATION_ID, world.cdc.id(), LEVEL, "COMMITTEE"));
    }

    private void complete(String user, Task task, TaskAnswer answer) {
        try (SignedInUser.Scope scope = SignedInUser.signIn(user)) {
            work.complete(task.getId(), answer);
        }
    }

    private static boolean open(Task task) {
        return ENGINE.task(task.getId()) != null;
    }

    private static Map<String, Object> variablesAfter(Task task) {
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance v : ENGINE.historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).list()) {
            variables.put(v.getName(), v.getValue());
        }
        return variables;
    }

    private static HistoricTaskInstance history(Task task) {
        return ENGINE.historyService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
    }

    private FundingRequest contracted() {
        workflow.reserve(request.id(), "reserve", "officer");
        workflow.approve(request.id(), "approve", "cdc");
        workflow.contract(request.id(), "officer");
        return request;
    }

    @Test
    void shouldRecordWhoInstructedAndCompleteTheTaskAsHim() {
        Task task = officersTask(INSTRUCT, Map.of());

        complete("officer", task, APPROVE);

        assertThat(open(task)).isFalse();
        assertThat(request.handling().instructedBy()).isEqualTo("officer");
        assertThat(history(task).getAssignee()).isEqualTo("officer");
        assertThat(ENGINE.endOf(task)).isEqualTo(TaskEngine.APPROVED);
        assertThat(variablesAfter(task)).containsEntry(LAST_ACTOR, "officer").doesNotContainKey(DECISION);
    }

    @Test
    void shouldRefuseAnAnswerTheTaskDoesNotTakeAndLeaveItOpen() {
        Task task = officersTask(INSTRUCT, Map.of());

        for (TaskAnswer wrong : new TaskAnswer[] {new TaskAnswer("APPROVE_REDUCED", null, null, null, null),
                new TaskAnswer(null, null, null, null, null), null, new TaskAnswer("MAYBE", null, null, null, null)}) {
            assertThatThrownBy(() -> complete("officer", task, wrong)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("decision"));
        }

        assertThat(open(task)).isTrue();
        assertThat(request.handling().instructedBy()).isNull();
    }

    @Test
    void shouldRefuseATaskClaimedByAColleagueOrToAUserWithoutItsRole() {
        Task claimed = officersTask(INSTRUCT, Map.of());
        ENGINE.taskService().setAssignee(claimed.getId(), "officer2");
        Task handedToFinance = officersTask(INSTRUCT, Map.of());
        ENGINE.taskService().setAssignee(handedToFinance.getId(), "finance");

        assertThatThrownBy(() -> complete("officer", claimed, APPROVE)).isInstanceOf(DomainException.class)
                .hasMessageContaining("claimed by officer2");
        assertThatThrownBy(() -> complete("finance", handedToFinance, APPROVE))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(open(claimed)).isTrue();
        assertThat(open(handedToFinance)).isTrue();
        complete("officer2", claimed, APPROVE);
        assertThat(history(claimed).getAssignee()).isEqualTo("officer2");
    }

    @Test
    void shouldRecordAFundersDecisionWithItsLevelAndTaskWithoutNamingTheLastActor() {
        request.awaitDecisions();
        Task task = decision();

        complete("cdc", task, new TaskAnswer("APPROVE", null, "bon dossier", null, null));

        assertThat(request.decisions()).singleElement().satisfies(d -> {
            assertThat(d.organisationId()).isEqualTo(world.cdc.id());
            assertThat(d.level()).isEqualTo("COMMITTEE");
            assertThat(d.outcome()).isEqualTo(DecisionOutcome.APPROVE);
            assertThat(d.comment()).isEqualTo("bon dossier");
            assertThat(d.author()).isEqualTo("cdc");
            assertThat(d.taskId()).isEqualTo(task.getId());
            assertThat(d.amount()).isEmpty();
        });
        assertThat(ENGINE.endOf(task)).isEqualTo(TaskEngine.APPROVED);
        assertThat(variablesAfter(task)).as("parallel decisions").doesNotContainKey(LAST_ACTOR);
    }

    @Test
    void shouldRecordAReducedApprovalWithItsAmountAndRefuseAnUnreadableOne() {
        request.awaitDecisions();
        Task task = decision();

        assertThatThrownBy(() -> complete("cdc", task, new TaskAnswer("APPROVE_REDUCED", "cent", null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("amount"));
        assertThat(request.decisions()).isEmpty();
        assertThat(open(task)).isTrue();

        complete("cdc", task, new TaskAnswer("APPROVE_REDUCED", "80.00", null, null, null));
        assertThat(request.decisions()).extracting(Decision::amount).containsExactly(Optional.of(Money.euros(80)));
    }

    @Test
    void shouldNeverLetWhoSubmittedARequestDecideOnIt() {
        request.awaitDecisions();
        users.add(new AppUser("officer", "hash", "officer", null, world.cdc.id(),
                Set.of(Role.OFFICER, Role.APPROVER)));
        Task task = decision();

        assertThatThrownBy(() -> complete("officer", task, APPROVE)).isInstanceOf(AccessDeniedException.class);

        assertThat(request.decisions()).isEmpty();
        assertThat(open(task)).isTrue();
    }

    @Test
    void shouldSignTheConventionOnlyOnceItsSignedCopyIsKeptWithTheScheduleTyped() {
        workflow.reserve(request.id(), "reserve", "officer");
        workflow.approve(request.id(), "approve", "cdc");
        Task task = officersTask(SIGN_CONVENTION, Map.of());
        TaskAnswer schedule = new TaskAnswer("APPROVE", null, null, List.of(
                new TaskAnswer.ScheduleLine("SIGNATURE", "50.00", "2026-12-01"),
                new TaskAnswer.ScheduleLine("COMPLETION", "50.00", "2027-06-01")), null);

        assertThatThrownBy(() -> complete("officer", task, schedule)).isInstanceOf(DocumentRequiredException.class);
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);

        documents.keep(request.id(), DocumentKind.CONVENTION_SIGNED, null);
        assertThatThrownBy(() -> complete("officer", task, new TaskAnswer("APPROVE", null, null, List.of(
                new TaskAnswer.ScheduleLine("SIGNATURE", "moitié", "2026-12-01"),
                new TaskAnswer.ScheduleLine("COMPLETION", "50.00", "juin")), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("schedule[0].share", "schedule[1].dueOn"));
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);

        complete("officer", task, schedule);

        assertThat(request.status()).isEqualTo(RequestStatus.CONTRACTED);
        assertThat(request.handling().conventionSignedBy()).isEqualTo("officer");
        assertThat(request.tranches()).extracting(t -> t.share().toPlainString()).containsExactly("50.00", "50.00");
        assertThat(open(task)).isFalse();
    }

    @Test
    void shouldRecordATranchesEvidenceOnlyWithItsDocumentAndAskEachFunderItsShare() {
        Tranche first = contracted().tranches().get(0);
        Task task = officersTask(RECORD_EVIDENCE, Map.of(TRANCHE_ID, first.id()));
        TaskAnswer evidence = new TaskAnswer("APPROVE", null, "Convention signée", null, null);

        assertThatThrownBy(() -> complete("officer", task, evidence)).isInstanceOf(DocumentRequiredException.class);
        assertThat(first.status()).isEqualTo(Tranche.Status.SCHEDULED);

        documents.keep(request.id(), DocumentKind.EVIDENCE, first.id());
        assertThatThrownBy(() -> complete("officer", task, new TaskAnswer("APPROVE", "-5", "x", null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("amount"));
        assertThatThrownBy(() -> complete("officer", task, new TaskAnswer("APPROVE", null, "x", null,
                java.util.Arrays.asList(new TaskAnswer.Actual(" ", "3"), new TaskAnswer.Actual("JOBS", "trois"),
                        null)))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(Violation::field).containsExactly("actuals[0].code", "actuals[1].value", "actuals[2]"));
        assertThat(first.status()).isEqualTo(Tranche.Status.SCHEDULED);

        complete("officer", task, evidence);

        assertThat(first.status()).isEqualTo(Tranche.Status.EVIDENCED);
        assertThat(first.evidence()).isEqualTo("Convention signée");
        assertThat(first.evidencedBy()).isEqualTo("officer");
        assertThat(world.ledgerService.fundersToPay(first.id())).containsExactly(world.cdc.id(), world.fund.id());
    }

    @Test
    void shouldLetOnlyAFundersFinancePayOrRefuseItsShareOfATranche() {
        Tranche first = contracted().tranches().get(0);
        first.recordEvidence("signed", null, null, "officer", LedgerWorld.NOW);
        world.ledgerService.askTranchePayments(first.id());
        Task cdcShare = ENGINE.offer(VALIDATE_PAYMENT, financeGroup(world.cdc.id()), NEXT_WEEK, Map.of(REQUEST_ID,
                request.id(), ORGANISATION_ID, world.cdc.id(), TRANCHE_ID, first.id()));
        Task fundShare = ENGINE.offer(VALIDATE_PAYMENT, financeGroup(world.fund.id()), NEXT_WEEK, Map.of(REQUEST_ID,
                request.id(), ORGANISATION_ID, world.fund.id(), TRANCHE_ID, first.id()));
        ENGINE.taskService().setAssignee(fundShare.getId(), "finance");

        assertThatThrownBy(() -> complete("finance", fundShare, APPROVE)).isInstanceOf(AccessDeniedException.class);
        assertThat(world.ledger.commitments()).extracting(Commitment::disbursed).containsOnly(Money.ZERO);

        complete("finance", cdcShare, APPROVE);
        ENGINE.taskService().setAssignee(fundShare.getId(), null);
        complete("finance-investor", fundShare, new TaskAnswer("REJECT", null, null, null, null));

        assertThat(world.ledger.commitments()).extracting(Commitment::disbursed)
                .containsExactly(Money.euros(30), Money.ZERO);
        assertThat(first.status()).isEqualTo(Tranche.Status.EVIDENCED);
        assertThat(world.ledgerService.fundersToPay(first.id())).isEmpty();
    }

    @Test
    void shouldPayEveryFundersShareOnATaskOfTheFirstModelThatNamesNone() {
        Tranche first = contracted().tranches().get(0);
        first.recordEvidence("signed", null, null, "officer", LedgerWorld.NOW);
        Task task = ENGINE.offer(VALIDATE_PAYMENT, "finance", NEXT_WEEK, Map.of(REQUEST_ID, request.id(),
                TRANCHE_ID, first.id()));

        complete("finance", task, APPROVE);

        assertThat(world.ledger.commitments()).extracting(Commitment::disbursed)
                .containsExactly(Money.euros(30), Money.euros(60));
        assertThat(first.status()).isEqualTo(Tranche.Status.PAID);
    }

    @Test
    void shouldRouteARevisedPlanAgainOnlyWhenItKeepsTheCallsRules() {
        Task task = officersTask(REVISE_PLAN, Map.of());
        brokenRules.add("PUBLIC_SHARE_ABOVE_80");

        assertThatThrownBy(() -> complete("officer", task, APPROVE)).isInstanceOfSatisfying(
                ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("plan");
                    assertThat(e.violations().get(0).message()).contains("PUBLIC_SHARE_ABOVE_80");
                });
        assertThat(open(task)).isTrue();

        complete("officer", task, new TaskAnswer("REJECT", null, null, null, null));
        assertThat(ENGINE.endOf(task)).isEqualTo(TaskEngine.OTHER_ANSWER);

        Task again = officersTask(REVISE_PLAN, Map.of());
        brokenRules.clear();
        complete("officer", again, APPROVE);
        assertThat(open(again)).isFalse();
    }
}
