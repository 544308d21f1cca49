package org.cofinance.application.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;
import static org.cofinance.bpmn.FundingRequestProcess.DECIDE;
import static org.cofinance.bpmn.FundingRequestProcess.INSTRUCT;
import static org.cofinance.bpmn.FundingRequestProcess.LEVEL;
import static org.cofinance.bpmn.FundingRequestProcess.OFFICERS_GROUP;
import static org.cofinance.bpmn.FundingRequestProcess.ORGANISATION_ID;
import static org.cofinance.bpmn.FundingRequestProcess.PROGRAMME_CODE;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;
import static org.cofinance.bpmn.FundingRequestProcess.TRANCHE_ID;
import static org.cofinance.bpmn.FundingRequestProcess.VALIDATE_PAYMENT;
import static org.cofinance.bpmn.FundingRequestProcess.approversGroup;
import static org.cofinance.bpmn.FundingRequestProcess.financeGroup;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.application.support.TaskEngine;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task list over the engine's own queries: each caller sees what is assigned to him, delegated by him, or offered
 * to his groups — an approver his organisation's decisions only — and claims, frees and delegates only those.
 */
class TaskListServiceTest {

    private static final TaskEngine ENGINE = TaskEngine.shared();
    private static final Paging FIRST = Paging.of(0, 50);
    private static final Date YESTERDAY = Date.from(LedgerWorld.NOW.minusSeconds(86_400));
    private static final Date NEXT_WEEK = Date.from(LedgerWorld.NOW.plusSeconds(7 * 86_400));

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final TaskListService tasks = new TaskListService(world.requests, null, users, ENGINE.commands(),
            ENGINE.taskService(), ENGINE.runtimeService(), ENGINE.search(), ENGINE.facts(), new Callers(users),
            world.clock);
    private FundingRequest request;

    @BeforeEach
    void users() {
        user("officer", null, Role.OFFICER);
        user("officer2", null, Role.OFFICER);
        user("cdc", 1L, Role.APPROVER);
        user("cdc2", 1L, Role.APPROVER);
        user("investor", 2L, Role.APPROVER);
        user("finance", 1L, Role.FINANCE);
        user("admin", null, Role.ADMIN);
        users.find("officer2").orElseThrow();
        request = world.requestInInstruction(100, 100);
        ENGINE.store(request);
    }

    @AfterEach
    void endProcesses() {
        ENGINE.clear();
    }

    private void user(String name, Long organisation, Role... roles) {
        users.add(new AppUser(name, "hash", name, name + "@example.org", organisation, Set.of(roles)));
    }

    private Task decision(Long organisation, String level, Date due) {
        Map<String, Object> variables = new HashMap<>(Map.of(REQUEST_ID, request.id(), ORGANISATION_ID, organisation,
                LEVEL, level, PROGRAMME_CODE, "AMI-TIGA"));
        return ENGINE.offer(DECIDE, approversGroup(organisation), due, variables);
    }

    private Task instruction(Long requestId, String programme) {
        return ENGINE.offer(INSTRUCT, OFFICERS_GROUP, NEXT_WEEK, Map.of(REQUEST_ID, requestId, PROGRAMME_CODE,
                programme));
    }

    @Test
    void shouldShowAnApproverHisOrganisationsDecisionsOnlyWithTheirLevelAndLateness() {
        // given a late decision of the CDC, one of the investor, and an instruction for the officers
        Task cdcTask = decision(1L, "NATIONAL_COMMITTEE", YESTERDAY);
        decision(2L, "INVESTMENT_COMMITTEE", NEXT_WEEK);
        instruction(request.id(), "AMI-TIGA");

        // when the CDC's approver lists his tasks
        Page<TaskView> page = as("cdc", () -> tasks.list(null, TaskCriteria.all(), FIRST));

        // then he sees the CDC's decision only, with everything the list shows of it
        assertThat(page.total()).isEqualTo(1);
        TaskView view = page.items().get(0);
        assertThat(view.id()).isEqualTo(cdcTask.getId());
        assertThat(view.taskType()).isEqualTo(DECIDE);
        assertThat(view.name()).isEqualTo("Task " + DECIDE);
        assertThat(view.requestId()).isEqualTo(request.id());
        assertThat(view.requestReference()).isEqualTo(request.reference());
        assertThat(view.organisationId()).isEqualTo(1L);
        assertThat(view.level()).isEqualTo("NATIONAL_COMMITTEE");
        assertThat(view.late()).isTrue();
        assertThat(view.due()).isEqualTo(YESTERDAY.toInstant());
        assertThat(view.created()).isNotNull();
        assertThat(view.assignee()).isNull();
        assertThat(view.trancheId()).isNull();
    }

    @Test
    void shouldShowTheOfficersTheirWorkWithoutAnOrganisationOrLevelAndNotLate() {
        instruction(request.id(), "AMI-TIGA");
        decision(1L, "NATIONAL_COMMITTEE", YESTERDAY);

        Page<TaskView> page = as("officer", () -> tasks.list(null, TaskCriteria.all(), FIRST));

        assertThat(page.items()).singleElement().satisfies(view -> {
            assertThat(view.taskType()).isEqualTo(INSTRUCT);
            assertThat(view.organisationId()).isNull();
            assertThat(view.level()).isNull();
            assertThat(view.late()).isFalse();
        });
    }

    @Test
    void shouldListATaskWhoseProcessNamesNoRequestWithoutOne() {
        // given an officer's task in a process that names no request, beside one that does
        ENGINE.offer(INSTRUCT, OFFICERS_GROUP, NEXT_WEEK, Map.of());
        instruction(request.id(), "AMI-TIGA");

        // when the officers' list is read
        Page<TaskView> page = as("officer", () -> tasks.list(null, TaskCriteria.all(), FIRST));

        // then both are there, the first without a request
        assertThat(page.items()).extracting(TaskView::requestId).containsExactlyInAnyOrder(null, request.id());
        assertThat(page.items()).filteredOn(view -> view.requestId() == null).singleElement()
                .satisfies(view -> assertThat(view.requestReference()).isNull());
    }

    @Test
    void shouldListOnlyTasksWithoutRequestsWhenNoneNamesOne() {
        ENGINE.offer(INSTRUCT, OFFICERS_GROUP, NEXT_WEEK, Map.of());

        assertThat(as("officer", () -> tasks.list(null, TaskCriteria.all(), FIRST)).items()).singleElement()
                .satisfies(view -> assertThat(view.requestId()).isNull());
    }

    @Test
    void shouldNarrowTheListToARequestOrAProgrammeAndPageIt() {
        // given three instructions: two of the request's programme, one of another request and programme
        instruction(request.id(), "AMI-TIGA");
        instruction(request.id(), "AMI-TIGA");
        instruction(999L, "RESIDENCE-300");

        // then each filter keeps its own, and a page holds its size of the total
        assertThat(as("officer", () -> tasks.list(request.id(), TaskCriteria.all(), FIRST)).total()).isEqualTo(2);
        assertThat(as("officer", () -> tasks.list(null, inProgramme("RESIDENCE-300"), FIRST)).items())
                .singleElement().satisfies(v -> assertThat(v.requestId()).isEqualTo(999L));
        assertThat(as("officer", () -> tasks.list(null, inProgramme(" AMI-TIGA "), FIRST)).total())
                .isEqualTo(2);
        assertThat(as("officer", () -> tasks.list(null, inProgramme(""), FIRST)).total()).isEqualTo(3);
        Page<TaskView> second = as("officer", () -> tasks.list(null, TaskCriteria.all(), Paging.of(1, 2)));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).hasSize(1);
        assertThat(second.items().get(0).requestReference()).isNull();
    }

    @Test
    void shouldApplyTheBoardsCriteriaToTheListOfARequestsTasks() {
        // given the CDC's decision on the request (100 €, due yesterday) and its instruction (cost 300 €, next week)
        Task decision = decision(1L, "COMMITTEE", YESTERDAY);
        Task instruction = instruction(request.id(), "AMI-TIGA");
        user("both", 1L, Role.APPROVER, Role.OFFICER);

        // then the list of the request's tasks keeps those that meet the criteria, as the board does
        assertThat(listed(new TaskCriteria(null, null, 1L, null, null, null, null, null, false, null)))
                .containsExactly(decision.getId());
        assertThat(listed(new TaskCriteria(null, null, null, null, null, "100.01", null, null, false, null)))
                .containsExactly(instruction.getId());
        assertThat(listed(new TaskCriteria(null, null, null, null, null, null, null, null, true, null)))
                .containsExactly(decision.getId());
        assertThat(listed(new TaskCriteria(null, null, null, null, null, null, null, null, false,
                request.reference()))).containsExactly(decision.getId(), instruction.getId());
        assertThat(listed(new TaskCriteria(null, null, null, "Autun", null, null, null, null, false, null))).isEmpty();
        assertThatThrownBy(() -> listed(new TaskCriteria(null, null, null, null, null, "cent", null, null, false,
                null))).isInstanceOf(ValidationException.class);
    }

    private List<String> listed(TaskCriteria criteria) {
        return as("both", () -> tasks.list(request.id(), criteria, FIRST)).items().stream().map(TaskView::id)
                .toList();
    }

    @Test
    void shouldListWhatIsTheCallersOrUnclaimedByScope() {
        // given two instructions, one claimed by the officer
        Task mine = instruction(request.id(), "AMI-TIGA");
        Task free = instruction(request.id(), "AMI-TIGA");
        as("officer", () -> tasks.claim(mine.getId()));

        // then "me" is his, "none" the unclaimed, nothing said both
        assertThat(as("officer", () -> tasks.list(null, TaskCriteria.scope("me"), FIRST)).items())
                .extracting(TaskView::id).containsExactly(mine.getId());
        assertThat(as("officer", () -> tasks.list(null, TaskCriteria.scope("none"), FIRST)).items())
                .extracting(TaskView::id).containsExactly(free.getId());
        assertThat(as("officer", () -> tasks.list(null, TaskCriteria.scope(" "), FIRST)).total()).isEqualTo(2);
        assertThat(as("officer2", () -> tasks.list(null, TaskCriteria.all(), FIRST)).items())
                .extracting(TaskView::id).containsExactly(free.getId());
        assertThat(as("officer", () -> tasks.list(null, TaskCriteria.scope("me"), FIRST)).items().get(0).assignee())
                .isEqualTo("officer");
    }

    @Test
    void shouldGiveAUserOfNoGroupOnlyWhatIsHisAndNothingUnclaimed() {
        instruction(request.id(), "AMI-TIGA");

        assertThat(as("admin", () -> tasks.list(null, TaskCriteria.scope("none"), FIRST)).total()).isZero();
        assertThat(as("admin", () -> tasks.list(null, TaskCriteria.all(), FIRST)).total()).isZero();
    }

    @Test
    void shouldRefuseAScopeOtherThanMeOrNone() {
        assertThatThrownBy(() -> as("officer", () -> tasks.list(null, TaskCriteria.scope("officer2"), FIRST)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.violations().get(0).field()).isEqualTo("assignee"));
    }

    @Test
    void shouldShowAFinanceTeamItsTranchesWithTheirTranche() {
        ENGINE.offer(VALIDATE_PAYMENT, financeGroup(1L), NEXT_WEEK, Map.of(REQUEST_ID, request.id(),
                ORGANISATION_ID, 1L, TRANCHE_ID, 77L));
        ENGINE.offer(VALIDATE_PAYMENT, financeGroup(2L), NEXT_WEEK, Map.of(REQUEST_ID, request.id(),
                ORGANISATION_ID, 2L, TRANCHE_ID, 78L));

        assertThat(as("finance", () -> tasks.list(null, TaskCriteria.all(), FIRST)).items()).singleElement()
                .satisfies(view -> {
                    assertThat(view.trancheId()).isEqualTo(77L);
                    assertThat(view.organisationId()).as("no funder's decision").isNull();
                });
    }

    @Test
    void shouldClaimATaskOfferedToTheCallerOnceAndFreeItAgain() {
        Task task = decision(1L, "NATIONAL_COMMITTEE", NEXT_WEEK);

        as("cdc", () -> tasks.claim(task.getId()));
        assertThat(ENGINE.task(task.getId()).getAssignee()).isEqualTo("cdc");
        as("cdc", () -> tasks.claim(task.getId()));

        assertThatThrownBy(() -> as("cdc2", () -> tasks.claim(task.getId()))).isInstanceOf(DomainException.class)
                .hasMessageContaining("already claimed by cdc");
        assertThatThrownBy(() -> as("cdc2", () -> tasks.unclaim(task.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ENGINE.task(task.getId()).getAssignee()).isEqualTo("cdc");

        as("cdc", () -> tasks.unclaim(task.getId()));
        assertThat(ENGINE.task(task.getId()).getAssignee()).isNull();
        as("cdc2", () -> tasks.unclaim(task.getId()));
        assertThat(ENGINE.task(task.getId()).getAssignee()).isNull();
    }

    @Test
    void shouldRefuseATaskOfAnotherOrganisationAndAnUnknownOne() {
        Task task = decision(1L, "NATIONAL_COMMITTEE", NEXT_WEEK);

        assertThatThrownBy(() -> as("investor", () -> tasks.claim(task.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("cdc", () -> tasks.claim("no-such-task"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("cdc", () -> tasks.claim(null))).isInstanceOf(NotFoundException.class);
        assertThat(ENGINE.task(task.getId()).getAssignee()).isNull();
    }

    @Test
    void shouldNotLetWhoDecidedACommitteeLevelClaimTheNextLevelOfTheSameOrganisation() {
        // given the CDC's approver approved its national committee's level
        request.awaitDecisions();
        request.recordDecision(1L, "NATIONAL_COMMITTEE", DecisionOutcome.APPROVE, null, null, "cdc", LedgerWorld.NOW,
                "t1");
        Task board = decision(1L, "BOARD", NEXT_WEEK);

        // when he claims the board's decision, then it is refused, while his colleague may
        assertThatThrownBy(() -> as("cdc", () -> tasks.claim(board.getId())))
                .isInstanceOf(SegregationOfDutiesException.class);
        assertThat(ENGINE.task(board.getId()).getAssignee()).isNull();
        as("cdc2", () -> tasks.claim(board.getId()));
        assertThat(ENGINE.task(board.getId()).getAssignee()).isEqualTo("cdc2");
    }

    @Test
    void shouldDelegateAClaimedTaskToAColleagueItIsOfferedToWhoGivesItBack() {
        // given the CDC's approver holds a decision
        Task task = decision(1L, "NATIONAL_COMMITTEE", NEXT_WEEK);
        user("cdc3", 1L, Role.APPROVER);
        users.find("cdc3").orElseThrow().enable(false, Instant.now());

        // then he may delegate it only once claimed, and only to an enabled colleague it is offered to
        assertThatThrownBy(() -> as("cdc", () -> tasks.delegate(task.getId(), "cdc2")))
                .isInstanceOf(DomainException.class).hasMessageContaining("claim task");
        as("cdc", () -> tasks.claim(task.getId()));
        assertThat(as("cdc", () -> tasks.colleagues(task.getId()))).containsExactly("cdc2");
        for (String wrong : new String[] {"investor", "cdc3", "cdc", "nobody"}) {
            assertThatThrownBy(() -> as("cdc", () -> tasks.delegate(task.getId(), wrong))).as(wrong)
                    .isInstanceOfSatisfying(ValidationException.class, e ->
                            assertThat(e.violations().get(0).field()).isEqualTo("colleague"));
        }
        assertThat(ENGINE.task(task.getId()).getDelegationState()).isNull();

        // when he delegates it to his colleague
        as("cdc", () -> tasks.delegate(task.getId(), "cdc2"));

        // then the colleague holds it, it stays in the owner's list, and only the colleague gives it back
        Task delegated = ENGINE.task(task.getId());
        assertThat(delegated.getAssignee()).isEqualTo("cdc2");
        assertThat(delegated.getOwner()).isEqualTo("cdc");
        assertThat(delegated.getDelegationState()).isEqualTo(DelegationState.PENDING);
        assertThat(as("cdc", () -> tasks.list(null, TaskCriteria.scope("me"), FIRST)).total()).isEqualTo(1);
        assertThatThrownBy(() -> as("cdc", () -> tasks.resolve(task.getId()))).isInstanceOf(DomainException.class);
        as("cdc2", () -> tasks.resolve(task.getId()));
        Task back = ENGINE.task(task.getId());
        assertThat(back.getAssignee()).isEqualTo("cdc");
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThatThrownBy(() -> as("cdc", () -> tasks.resolve(task.getId()))).isInstanceOf(DomainException.class);
    }

    @Test
    void shouldListNoColleagueOfATaskTheCallerMayNotSee() {
        Task task = decision(1L, "NATIONAL_COMMITTEE", NEXT_WEEK);

        assertThatThrownBy(() -> as("investor", () -> tasks.colleagues(task.getId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as("cdc", () -> tasks.colleagues(task.getId()))).containsExactly("cdc2");
    }

    private static TaskCriteria inProgramme(String code) {
        return new TaskCriteria(null, code, null, null, null, null, null, null, false, null);
    }
}
