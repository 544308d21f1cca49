package org.cofinance.infrastructure.workflow;

import static org.cofinance.bpmn.AmendmentProcess.AMENDMENT_ID;
import static org.cofinance.bpmn.FundingRequestProcess.LEVEL;
import static org.cofinance.bpmn.FundingRequestProcess.ORGANISATION_ID;
import static org.cofinance.bpmn.FundingRequestProcess.REQUEST_ID;
import static org.cofinance.bpmn.FundingRequestProcess.TRANCHE_ID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.NativeExecutionQuery;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.cofinance.application.task.TaskFacts;

/**
 * Reads the facts of a page of tasks with a query per level of nesting and one for the variables: the tasks'
 * executions, then their parents (which only the engine's own entity tells), up to the process instances, then the
 * variables a task list shows on all of those executions; each task then takes each variable from its execution or the
 * nearest enclosing one, as the engine's {@code getVariable} would, without a query per task and per level.
 */
@ApplicationScoped
public class EngineTaskFacts implements TaskFacts {

    private static final int IDS_PER_QUERY = 1_000;
    private static final String[] NAMES = {REQUEST_ID, ORGANISATION_ID, LEVEL, TRANCHE_ID, AMENDMENT_ID};

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    @Inject
    public EngineTaskFacts(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /** For the container's proxies only. */
    protected EngineTaskFacts() {
        this(null, null);
    }

    @Override
    public Map<String, Facts> of(Collection<Task> tasks) {
        Map<String, String> parents = new HashMap<>();
        Set<String> asked = new HashSet<>();
        Set<String> wanted = tasks.stream().map(Task::getExecutionId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        while (!wanted.isEmpty()) {
            asked.addAll(wanted);
            for (List<String> chunk : chunks(wanted)) {
                for (Execution execution : executions(chunk)) {
                    parents.put(execution.getId(), ((ExecutionEntity) execution).getParentId());
                }
            }
            wanted = parents.values().stream().filter(Objects::nonNull).filter(id -> !asked.contains(id))
                    .collect(Collectors.toSet());
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (List<String> chunk : chunks(parents.keySet())) {
            for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                    .executionIdIn(chunk.toArray(String[]::new)).variableNameIn(NAMES)
                    .disableCustomObjectDeserialization().list()) {
                if (variable.getTaskId() == null) {
                    variables.computeIfAbsent(variable.getExecutionId(), e -> new HashMap<>())
                            .put(variable.getName(), variable.getValue());
                }
            }
        }
        Map<String, Facts> facts = new HashMap<>();
        for (Task task : tasks) {
            Map<String, Object> seen = new HashMap<>();
            for (String execution = task.getExecutionId(); execution != null; execution = parents.get(execution)) {
                variables.getOrDefault(execution, Map.of()).forEach(seen::putIfAbsent);
            }
            facts.put(task.getId(), new Facts((Long) seen.get(REQUEST_ID), (Long) seen.get(ORGANISATION_ID),
                    (String) seen.get(LEVEL), (Long) seen.get(TRANCHE_ID), (Long) seen.get(AMENDMENT_ID)));
        }
        return facts;
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY)));
        }
        return chunks;
    }

    /** These executions: a fixed statement, each id bound as a parameter. */
    private List<Execution> executions(List<String> ids) {
        String parameters = IntStream.range(0, ids.size()).mapToObj(i -> "#{id" + i + "}")
                .collect(Collectors.joining(", "));
        NativeExecutionQuery query = runtimeService.createNativeExecutionQuery().sql("SELECT * FROM "
                + managementService.getTableName(ExecutionEntity.class) + " WHERE ID_ IN (" + parameters + ")");
        for (int i = 0; i < ids.size(); i++) {
            query.parameter("id" + i, ids.get(i));
        }
        return query.list();
    }

}
