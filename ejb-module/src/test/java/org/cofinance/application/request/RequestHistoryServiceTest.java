package org.cofinance.application.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cofinance.application.access.Callers;
import org.cofinance.application.request.RequestHistoryService.Diagram;
import org.cofinance.application.request.RequestHistoryService.Step;
import org.cofinance.application.request.RequestHistoryService.TimelineEvent;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.support.InMemoryAmendments;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.application.support.TaskEngine;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request's history for its page: its timeline of stages, decisions, ledger movements and tasks in time order; its
 * own process version with the steps done, current and to come — to whoever may see the request only.
 */
class RequestHistoryServiceTest {

    private static final TaskEngine ENGINE = TaskEngine.shared();
    private static final String STORY = "story";

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final RequestHistoryService history = new RequestHistoryService(world.requests,
            world.ledger.envelopeRepository, world.ledger.entryRepository, new InMemoryAmendments(world.locks),
            ENGINE.historyService(), ENGINE.repositoryService(), new Callers(users));
    private FundingRequest request;

    @BeforeAll
    static void deployTheStory() {
        ENGINE.deployOnce(STORY, Bpmn.createExecutableProcess(STORY).startEvent("submitted").name("Soumise")
                        .userTask("instruct").name(" Instruire ")
                        .exclusiveGateway("route").name("Aiguillage")
                        .userTask("decide").name("Décider")
                        .userTask("unnamed").name(" ")
                        .endEvent("closed").name("Close").done());
    }

    @AfterEach
    void endProcesses() {
        ENGINE.clear();
    }

    @BeforeEach
    void given() {
        users.add(new AppUser("officer", "hash", "officer", null, null, Set.of(Role.OFFICER)));
        users.add(new AppUser("investor", "hash", "investor", null, world.fund.id(), Set.of(Role.APPROVER)));
        users.add(new AppUser("stranger", "hash", "stranger", null, 99L, Set.of(Role.APPROVER)));
        request = world.requestInInstruction(100, 200);
    }

    private ProcessInstance started() {
        ProcessInstance instance = ENGINE.runtimeService().startProcessInstanceByKey(STORY);
        request.startedProcess(instance.getId());
        return instance;
    }

    private void completeCurrentTask(ProcessInstance instance, String assignee) {
        String task = ENGINE.taskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getId();
        ENGINE.taskService().setAssignee(task, assignee);
        ENGINE.taskService().complete(task);
    }

    @Test
    void shouldTellTheStagesDecisionsMovementsAndTasksOfARequestInTimeOrder() {
        // given a request reserved, decided by the fund with a reduced amount, its instruction done by the officer
        world.reservations.reservePlan(request.id(), "reserve", "officer");
        request.awaitDecisions();
        request.recordDecision(world.fund.id(), "COMMITTEE", DecisionOutcome.APPROVE_REDUCED, Money.euros(150),
                "moins", "investor", LedgerWorld.NOW, "t1");
        ProcessInstance instance = started();
        completeCurrentTask(instance, "officer");

        // when the fund's approver reads its timeline
        List<TimelineEvent> timeline = as("investor", () -> history.timeline(request.id()));

        // then every event is there, oldest first (at the same instant: stages, decisions, then movements), the
        // task last (it ended after the others)
        assertThat(timeline).extracting(TimelineEvent::kind).containsExactly("CREATED", "SUBMITTED", "DECISION",
                "RESERVE", "RESERVE", "TASK");
        assertThat(timeline.get(0).what()).isEqualTo(request.reference());
        assertThat(timeline.get(0).author()).isEqualTo("officer");
        assertThat(timeline.get(1).at()).isEqualTo(LedgerWorld.NOW);
        assertThat(timeline.subList(3, 5)).extracting(TimelineEvent::what, TimelineEvent::amount)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("AMI-TIGA-SUB", "100.00"),
                        org.assertj.core.groups.Tuple.tuple("FONDS-IMMO", "200.00"));
        assertThat(timeline.get(2)).satisfies(d -> {
            assertThat(d.what()).isEqualTo("APPROVE_REDUCED");
            assertThat(d.amount()).isEqualTo("150.00");
            assertThat(d.organisationId()).isEqualTo(world.fund.id());
            assertThat(d.detail()).isEqualTo("moins");
            assertThat(d.author()).isEqualTo("investor");
        });
        assertThat(timeline.get(5)).satisfies(t -> {
            assertThat(t.what()).isEqualTo("instruct");
            assertThat(t.author()).isEqualTo("officer");
            assertThat(t.detail()).isNull();
        });
    }

    @Test
    void shouldDrawTheRequestsOwnProcessWithTheStepsDoneCurrentAndToCome() {
        // given the request's process past its instruction
        ProcessInstance instance = started();
        completeCurrentTask(instance, "officer");

        // when its diagram is read
        Diagram diagram = as("officer", () -> history.diagram(request.id()));

        // then the named steps are listed: done in order, then the current one, then those to come; gateways and
        // unnamed steps are left out
        assertThat(diagram.steps()).containsExactly(new Step("submitted", "Soumise", "DONE"),
                new Step("instruct", "Instruire", "DONE"), new Step("decide", "Décider", "ACTIVE"),
                new Step("closed", "Close", ""));
        assertThat(diagram.idsIn("DONE")).isEqualTo("submitted instruct");
        assertThat(diagram.idsIn("ACTIVE")).isEqualTo("decide");
        assertThat(diagram.bpmnXml()).contains("<", "Décider", "id=\"" + STORY + "\"");
    }

    @Test
    void shouldShowEveryStepDoneOnceTheProcessEnded() {
        ProcessInstance instance = started();
        completeCurrentTask(instance, "officer");
        completeCurrentTask(instance, "investor");
        completeCurrentTask(instance, "officer");

        Diagram diagram = as("officer", () -> history.diagram(request.id()));

        assertThat(diagram.steps()).extracting(Step::state).containsOnly("DONE").hasSize(4);
        assertThat(diagram.idsIn("ACTIVE")).isEmpty();
    }

    @Test
    void shouldDrawNothingForARequestWithoutAProcessOrWhoseHistoryIsGone() {
        assertThat(as("officer", () -> history.diagram(request.id())).steps()).isEmpty();
        assertThat(as("officer", () -> history.diagram(request.id())).bpmnXml()).isNull();

        request.startedProcess("cleaned-up-long-ago");

        assertThat(as("officer", () -> history.diagram(request.id())).steps()).isEmpty();
        assertThat(as("officer", () -> history.timeline(request.id()))).extracting(TimelineEvent::kind)
                .containsExactly("CREATED", "SUBMITTED");
    }

    @Test
    void shouldAnswerNotFoundToWhoeverMayNotSeeTheRequest() {
        assertThatThrownBy(() -> as("stranger", () -> history.timeline(request.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("stranger", () -> history.diagram(request.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("officer", () -> history.timeline(404L))).isInstanceOf(NotFoundException.class);
    }
}
