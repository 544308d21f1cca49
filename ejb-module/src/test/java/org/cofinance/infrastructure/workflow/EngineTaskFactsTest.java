package org.cofinance.infrastructure.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.SubProcessBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.cofinance.application.support.TaskEngine;
import org.cofinance.application.task.TaskFacts;
import org.cofinance.bpmn.FundingRequestProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The facts of a page of tasks read at once are what the engine answers task by task: each variable from the task's
 * own execution, else from its nearest enclosing scope — here funders deciding in parallel, each at levels one after
 * the other, as in the funding request's model.
 */
class EngineTaskFactsTest {

    private static final TaskEngine ENGINE = TaskEngine.shared();
    private static final String PROCESS = "nested-decisions";

    private final RuntimeService runtime = ENGINE.runtimeService();
    private final TaskFacts facts = ENGINE.facts();

    @AfterEach
    void endProcesses() {
        ENGINE.clear();
    }

    @Test
    void shouldReadEachTasksVariablesFromItsNearestScopeAsTheEngineDoes() {
        // given two requests, whose funders decide in parallel, each at two levels in turn; the first request has a
        // tranche at the top, which its second funder's own scope hides behind one of its own
        deployNestedDecisions();
        start(7L, List.of(11L, 12L), Map.of(FundingRequestProcess.TRANCHE_ID, 70L));
        start(8L, List.of(11L, 13L), Map.of());
        Task twelve = task("approvers-12", 7L);
        runtime.setVariableLocal(scopeOf(twelve, 12L), FundingRequestProcess.TRANCHE_ID, 72L);
        List<Task> tasks = ENGINE.taskService().createTaskQuery().processDefinitionKey(PROCESS).list();

        // when their facts are read at once
        Map<String, TaskFacts.Facts> read = facts.of(tasks);

        // then each task has its own request, organisation and level, as getVariable gives them
        assertThat(tasks).hasSize(4);
        for (Task task : tasks) {
            TaskFacts.Facts of = read.get(task.getId());
            assertThat(of.requestId()).isEqualTo(variable(task, FundingRequestProcess.REQUEST_ID));
            assertThat(of.organisationId()).isEqualTo(variable(task, FundingRequestProcess.ORGANISATION_ID))
                    .isNotNull();
            assertThat(of.level()).isEqualTo(variable(task, FundingRequestProcess.LEVEL)).isEqualTo("FIRST");
            assertThat(of.trancheId()).isEqualTo(variable(task, FundingRequestProcess.TRANCHE_ID));
            assertThat(of.amendmentId()).isNull();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("decide");
        }
        assertThat(read.get(twelve.getId())).isEqualTo(new TaskFacts.Facts(7L, 12L, "FIRST", 72L, null));
        assertThat(read.get(task("approvers-11", 7L).getId()))
                .isEqualTo(new TaskFacts.Facts(7L, 11L, "FIRST", 70L, null));
        assertThat(read.get(task("approvers-13", 8L).getId()))
                .isEqualTo(new TaskFacts.Facts(8L, 13L, "FIRST", null, null));
        assertThat(read.get(task("approvers-11", 8L).getId()))
                .isEqualTo(new TaskFacts.Facts(8L, 11L, "FIRST", null, null));
    }

    @Test
    void shouldReadTheNextLevelOnceTheFirstIsDecided() {
        // given a funder's first level decided
        deployNestedDecisions();
        start(9L, List.of(14L), Map.of());
        ENGINE.taskService().complete(task("approvers-14", 9L).getId());

        // when the open task's facts are read
        Task second = task("approvers-14", 9L);
        TaskFacts.Facts of = facts.of(List.of(second)).get(second.getId());

        // then it is the second level's
        assertThat(of).isEqualTo(new TaskFacts.Facts(9L, 14L, "SECOND", null, null));
    }

    @Test
    void shouldReadNothingForNoTasks() {
        assertThat(facts.of(List.of())).isEmpty();
    }

    private void deployNestedDecisions() {
        ENGINE.deployOnce(PROCESS, Bpmn.createExecutableProcess(PROCESS).startEvent()
                .subProcess("funder-decisions").multiInstance().parallel().camundaCollection("${funders}")
                .camundaElementVariable(FundingRequestProcess.ORGANISATION_ID).<SubProcessBuilder>multiInstanceDone()
                .embeddedSubProcess().startEvent()
                .userTask("decide").camundaCandidateGroups("approvers-${organisationId}")
                .multiInstance().sequential().camundaCollection("${levels}")
                .camundaElementVariable(FundingRequestProcess.LEVEL).<UserTaskBuilder>multiInstanceDone()
                .endEvent().subProcessDone()
                .endEvent().done());
    }

    private void start(long requestId, List<Long> funders, Map<String, Object> more) {
        var builder = runtime.createProcessInstanceByKey(PROCESS)
                .setVariable(FundingRequestProcess.REQUEST_ID, requestId).setVariable("funders", funders)
                .setVariable("levels", List.of("FIRST", "SECOND"));
        more.forEach(builder::setVariable);
        builder.execute();
    }

    private Task task(String group, long requestId) {
        return ENGINE.taskService().createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroup(group)
                .processVariableValueEquals(FundingRequestProcess.REQUEST_ID, requestId).singleResult();
    }

    private Object variable(Task task, String name) {
        return runtime.getVariable(task.getExecutionId(), name);
    }

    /** The execution of the funder's run that encloses the task's levels. */
    private String scopeOf(Task task, long organisationId) {
        return runtime.createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                .variableName(FundingRequestProcess.ORGANISATION_ID).list().stream()
                .filter(variable -> Long.valueOf(organisationId).equals(variable.getValue())).findFirst()
                .orElseThrow().getExecutionId();
    }
}
