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
import static org.cofinance.bpmn.FundingRequestProcess.approversGroup;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.application.support.TaskEngine;
import org.cofinance.application.task.TaskBoardService.Board;
import org.cofinance.application.task.TaskBoardService.TaskRow;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.request.ProjectDetails;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web application's task board: each task with its request's facts, filtered by funder, territory, theme,
 * amount, due day and lateness, due date first; the counts of the caller's and of his groups' unclaimed tasks.
 */
class TaskBoardServiceTest {

    private static final TaskEngine ENGINE = TaskEngine.shared();
    private static final Paging FIRST_PAGE = Paging.of(0, 50);
    private static final Date YESTERDAY = Date.from(LedgerWorld.NOW.minusSeconds(86_400));
    private static final Date NEXT_WEEK = Date.from(LedgerWorld.NOW.plusSeconds(7 * 86_400));

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final Callers callers = new Callers(users);
    private final TaskBoardService board = new TaskBoardService(world.requests,
            new InMemoryOrganisations(world.cdc, world.fund, world.lead), ENGINE.taskService(), ENGINE.search(),
            ENGINE.facts(), callers, world.clock);
    private FundingRequest request;

    @BeforeEach
    void given() {
        for (String name : new String[] {"officer", "officer2"}) {
            users.add(new AppUser(name, "hash", name, null, null, Set.of(Role.OFFICER)));
        }
        users.add(new AppUser("cdc", "hash", "cdc", null, 1L, Set.of(Role.APPROVER)));
        users.add(new AppUser("admin", "hash", "admin", null, null, Set.of(Role.ADMIN)));
        users.add(new AppUser("both", "hash", "both", null, 2L, Set.of(Role.APPROVER, Role.OFFICER)));
        // the CDC asked 100 €, the fund 200 €, the lead's 100 € for a cost of 400 €
        request = world.requestInInstruction(100, 200);
        ENGINE.store(request);
    }

    @AfterEach
    void endProcesses() {
        ENGINE.clear();
    }

    private Task decision(Long organisation, Date due) {
        Map<String, Object> variables = new HashMap<>(Map.of(REQUEST_ID, request.id(), ORGANISATION_ID, organisation,
                LEVEL, "COMMITTEE", PROGRAMME_CODE, "AMI-TIGA"));
        return ENGINE.offer(DECIDE, approversGroup(organisation), due, variables);
    }

    private Task instruction(Long requestId, Date due, String programme) {
        return ENGINE.offer(INSTRUCT, OFFICERS_GROUP, due, Map.of(REQUEST_ID, requestId, PROGRAMME_CODE, programme));
    }

    private static TaskCriteria criteria(String scope, Long funder, String territory, String theme, String min,
                                         String max, LocalDate dueBefore, boolean lateOnly) {
        return new TaskCriteria(scope, null, funder, territory, theme, min, max, dueBefore, lateOnly, null);
    }

    @Test
    void shouldShowADecisionWithItsRequestsFactsAndWhatItsOrganisationFunds() {
        Task task = decision(1L, YESTERDAY);

        Board found = as("cdc", () -> board.search(TaskCriteria.all(), FIRST_PAGE));

        assertThat(found.rows()).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(task.getId());
            assertThat(row.taskType()).isEqualTo(DECIDE);
            assertThat(row.requestId()).isEqualTo(request.id());
            assertThat(row.requestReference()).isEqualTo(request.reference());
            assertThat(row.title()).isEqualTo("Résidence");
            assertThat(row.territory()).isEqualTo("Dijon");
            assertThat(row.theme()).isEqualTo("HOUSING");
            assertThat(row.organisationId()).isEqualTo(1L);
            assertThat(row.organisationName()).isEqualTo("CDC");
            assertThat(row.amount()).isEqualTo("100.00");
            assertThat(row.level()).isEqualTo("COMMITTEE");
            assertThat(row.late()).isTrue();
            assertThat(row.delegated()).isFalse();
            assertThat(row.owner()).isNull();
            assertThat(row.amendmentId()).isNull();
            assertThat(row.trancheId()).isNull();
        });
        assertThat(found.mine()).isZero();
        assertThat(found.unassigned()).isEqualTo(1);
        assertThat(as("cdc", () -> board.task(task.getId())).amount()).isEqualTo("100.00");
    }

    @Test
    void shouldShowAnOfficersTaskWithTheEligibleCostAndNoFunder() {
        ENGINE.offer(INSTRUCT, OFFICERS_GROUP, NEXT_WEEK, Map.of(REQUEST_ID, request.id(), PROGRAMME_CODE, "AMI-TIGA",
                TRANCHE_ID, 5L));

        TaskRow row = as("officer", () -> board.search(TaskCriteria.all(), FIRST_PAGE)).rows().get(0);

        assertThat(row.amount()).isEqualTo("400.00");
        assertThat(row.organisationId()).isNull();
        assertThat(row.organisationName()).isNull();
        assertThat(row.level()).isNull();
        assertThat(row.late()).isFalse();
        assertThat(row.trancheId()).isEqualTo(5L);
    }

    @Test
    void shouldShowATaskOfAnUnknownRequestWithoutItsFacts() {
        instruction(999L, NEXT_WEEK, "AMI-TIGA");

        TaskRow row = as("officer", () -> board.search(TaskCriteria.all(), FIRST_PAGE)).rows().get(0);

        assertThat(row.requestId()).isEqualTo(999L);
        assertThat(row.requestReference()).isNull();
        assertThat(row.title()).isNull();
        assertThat(row.territory()).isNull();
        assertThat(row.theme()).isNull();
        assertThat(row.amount()).isNull();
    }

    @Test
    void shouldFilterByFunderTerritoryThemeAmountsDueDayAndLateness() {
        // given, for a user who is both an officer and the fund's approver: the fund's decision (200 €, due next
        // week), an instruction of the request (400 €, late), one of an unknown request (due next week)
        Task fund = decision(2L, NEXT_WEEK);
        Task late = instruction(request.id(), YESTERDAY, "AMI-TIGA");
        Task unknown = instruction(999L, NEXT_WEEK, "RESIDENCE-300");

        // then each filter keeps what it says, due date first
        assertThat(ids(criteria(null, null, null, null, null, null, null, false)))
                .containsExactly(late.getId(), fund.getId(), unknown.getId());
        assertThat(ids(criteria(null, 2L, null, null, null, null, null, false))).containsExactly(fund.getId());
        assertThat(ids(criteria(null, null, " dijon ", null, null, null, null, false)))
                .containsExactly(late.getId(), fund.getId());
        assertThat(ids(criteria(null, null, null, "HOUSING", null, null, null, false)))
                .containsExactly(late.getId(), fund.getId());
        assertThat(ids(criteria(null, null, null, "ENERGY", null, null, null, false))).isEmpty();
        assertThat(ids(criteria(null, null, null, null, "200.00", null, null, false)))
                .containsExactly(late.getId(), fund.getId());
        assertThat(ids(criteria(null, null, null, null, "200.01", null, null, false))).containsExactly(late.getId());
        assertThat(ids(criteria(null, null, null, null, null, "200.00", null, false))).containsExactly(fund.getId());
        assertThat(ids(criteria(null, null, null, null, null, "199.99", null, false))).isEmpty();
        assertThat(ids(criteria(null, null, null, null, null, null, LocalDate.of(2026, 11, 25), false)))
                .containsExactly(late.getId());
        assertThat(ids(criteria(null, null, null, null, null, null, LocalDate.of(2026, 11, 24), false))).isEmpty();
        assertThat(ids(criteria(null, null, null, null, null, null, null, true))).containsExactly(late.getId());
        assertThat(ids(new TaskCriteria(null, " RESIDENCE-300 ", null, null, null, null, null, null, false, null)))
                .containsExactly(unknown.getId());
        assertThat(ids(new TaskCriteria(null, "", null, " ", "", " ", "", null, false, " "))).hasSize(3);
    }

    @Test
    void shouldCountTheCallersTasksAndHisGroupsUnclaimedOnesWhateverTheScopeShown() {
        Task mine = instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        ENGINE.taskService().setAssignee(mine.getId(), "officer");

        Board own = as("officer", () -> board.search(mine(), FIRST_PAGE));
        Board free = as("officer", () -> board.search(unclaimed(), FIRST_PAGE));

        assertThat(own.rows()).extracting(TaskRow::id).containsExactly(mine.getId());
        assertThat(own.rows().get(0).assignee()).isEqualTo("officer");
        assertThat(free.rows()).hasSize(2);
        assertThat(List.of(own.mine(), own.unassigned(), free.mine(), free.unassigned())).containsExactly(1L, 2L,
                1L, 2L);
    }

    @Test
    void shouldCountAtOnceWhatEachScopeAloneFindsAndShowAsManyTasksInIt() {
        // given the officer's task, one he delegated, one delegated to him, another officer's, two unclaimed, an
        // unclaimed one he owns, and a decision offered to the CDC
        TaskService tasks = ENGINE.taskService();
        tasks.setAssignee(instruction(request.id(), NEXT_WEEK, "AMI-TIGA").getId(), "officer");
        Task delegatedBy = instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        tasks.setAssignee(delegatedBy.getId(), "officer");
        tasks.delegateTask(delegatedBy.getId(), "officer2");
        Task delegatedTo = instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        tasks.setAssignee(delegatedTo.getId(), "officer2");
        tasks.delegateTask(delegatedTo.getId(), "officer");
        tasks.setAssignee(instruction(request.id(), NEXT_WEEK, "AMI-TIGA").getId(), "officer2");
        instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        tasks.setOwner(instruction(request.id(), NEXT_WEEK, "AMI-TIGA").getId(), "officer");
        decision(1L, NEXT_WEEK);

        // when each user's tasks are counted at once, and one scope at a time
        TaskSearch search = ENGINE.search();
        TaskSearch oneAtATime = new TaskSearch() {
            @Override
            public List<Task> page(Filter filter, int first, int max) {
                return search.page(filter, first, max);
            }

            @Override
            public long count(Filter filter) {
                return search.count(filter);
            }
        };

        // then both agree, and the board shows as many tasks in each scope as it counts
        for (String user : List.of("officer", "officer2", "cdc", "both", "admin")) {
            Set<String> groups = as(user, () -> callers.current().taskGroups());
            assertThat(search.counts(user, groups)).as(user).isEqualTo(oneAtATime.counts(user, groups));
        }
        Set<String> officers = as("officer", () -> callers.current().taskGroups());
        assertThat(search.counts("officer", officers)).isEqualTo(new TaskSearch.Counts(4, 3, 6));
        for (TaskCriteria scope : List.of(mine(), unclaimed(), TaskCriteria.all())) {
            Board shown = as("officer", () -> board.search(scope, FIRST_PAGE));
            assertThat(shown.found()).as(scope.scope()).isEqualTo(shown.rows().size())
                    .isEqualTo(search.counts("officer", officers).of(scope.scope()));
        }
    }

    @Test
    void shouldShowADelegatedTaskAsDelegatedWithItsOwner() {
        Task task = instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        ENGINE.taskService().setAssignee(task.getId(), "officer");
        ENGINE.taskService().delegateTask(task.getId(), "officer2");

        TaskRow row = as("officer", () -> board.search(TaskCriteria.all(), FIRST_PAGE)).rows().get(0);

        assertThat(row.delegated()).isTrue();
        assertThat(row.owner()).isEqualTo("officer");
        assertThat(row.assignee()).isEqualTo("officer2");
    }

    @Test
    void shouldShowNothingUnclaimedToAUserOfNoGroup() {
        instruction(request.id(), NEXT_WEEK, "AMI-TIGA");

        Board nothing = as("admin", () -> board.search(unclaimed(), FIRST_PAGE));

        assertThat(nothing.rows()).isEmpty();
        assertThat(nothing.mine()).isZero();
        assertThat(nothing.unassigned()).isZero();
    }

    @Test
    void shouldNameEachUnreadableAmountAndRefuseATaskNotOffered() {
        Task task = decision(1L, NEXT_WEEK);

        assertThatThrownBy(() -> as("officer", () -> board.search(criteria(null, null, null, null, "-1", "abc", null,
                false), FIRST_PAGE))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                .extracting(v -> v.field()).containsExactly("minAmount", "maxAmount"));
        assertThatThrownBy(() -> as("officer", () -> board.task(task.getId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldPageTheTasksFoundDueSoonestFirstSayingHowManyThereAre() {
        // given three instructions offered to the officers, due at three dates, and one of another programme
        Task late = instruction(request.id(), YESTERDAY, "AMI-TIGA");
        Task later = instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        Task farther = instruction(request.id(), Date.from(LedgerWorld.NOW.plusSeconds(30 * 86_400)), "AMI-TIGA");
        instruction(request.id(), NEXT_WEEK, "RESIDENCE-300");

        // when the officer reads the programme's tasks two at a time
        TaskCriteria tiga = new TaskCriteria(null, "AMI-TIGA", null, null, null, null, null, null, false, null);
        Board first = as("officer", () -> board.search(tiga, Paging.of(0, 2)));
        Board second = as("officer", () -> board.search(tiga, Paging.of(1, 2)));

        // then each page holds the next ones due, and says where it is among all those found
        assertThat(first.rows()).extracting(TaskRow::id).containsExactly(late.getId(), later.getId());
        assertThat(second.rows()).extracting(TaskRow::id).containsExactly(farther.getId());
        assertThat(List.of(first.found(), (long) first.first(), second.found(), (long) second.first()))
                .containsExactly(3L, 0L, 3L, 2L);
        assertThat(List.of(first.hasPrevious(), first.hasNext(), second.hasPrevious(), second.hasNext()))
                .containsExactly(false, true, true, false);
        assertThat(second.unassigned()).as("whatever the filters").isEqualTo(4);
    }

    @Test
    void shouldFindARequestsTasksByItsReferenceOrTitleInAnyCase() {
        // given the tasks of two requests, the second one titled otherwise
        Task first = instruction(request.id(), NEXT_WEEK, "AMI-TIGA");
        FundingRequest other = new FundingRequest(world.requests.nextReference(2026), InMemoryProgrammes.amiTiga(),
                new ProjectDetails("Tiers-lieu 100% rural_", "Autun", Theme.HOUSING, world.lead, Money.euros(200)),
                List.of(new PlanLineDraft(world.lead, null, Instrument.SELF_FUNDING, Money.euros(200))), List.of(),
                "officer", LedgerWorld.NOW);
        world.requests.add(other);
        ENGINE.store(other);
        Task second = instruction(other.id(), NEXT_WEEK, "AMI-TIGA");

        // then a reference finds its request's task, a word of a title any case, the wildcards are plain characters
        assertThat(ids(search(request.reference()))).containsExactly(first.getId());
        assertThat(ids(search(" " + other.reference().toLowerCase(Locale.ROOT) + " "))).containsExactly(second.getId());
        assertThat(ids(search("RÉSID"))).containsExactly(first.getId());
        assertThat(ids(search("100% rural_"))).containsExactly(second.getId());
        assertThat(ids(search("100%rural"))).isEmpty();
        assertThat(ids(search("1_0"))).isEmpty();
    }

    private static TaskCriteria mine() {
        return TaskCriteria.scope("me");
    }

    private static TaskCriteria unclaimed() {
        return TaskCriteria.scope("none");
    }

    private static TaskCriteria search(String text) {
        return new TaskCriteria(null, null, null, null, null, null, null, null, false, text);
    }

    private List<String> ids(TaskCriteria criteria) {
        return as("both", () -> board.search(criteria, FIRST_PAGE)).rows().stream().map(TaskRow::id).toList();
    }
}
