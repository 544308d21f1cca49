package org.cofinance.application.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cofinance.application.task.TaskCommands;
import org.cofinance.application.task.TaskFacts;
import org.cofinance.application.task.TaskSearch;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.infrastructure.workflow.EngineTaskFacts;
import org.cofinance.infrastructure.workflow.EngineTaskSearch;

/**
 * A process engine in memory (H2) for the task services' unit tests: one single-task process per task key, offered
 * to the candidate group and due on the day the test gives, with the process variables the application reads, and
 * ending apart on an {@code APPROVE} answer. The services run their real engine queries and commands against it.
 */
public final class TaskEngine {

    /** The end of a task's process answered {@code APPROVE}, and of one answered otherwise. */
    public static final String APPROVED = "approved-end";
    public static final String OTHER_ANSWER = "other-end";

    private static final AtomicLong DATABASES = new AtomicLong();

    private static TaskEngine shared;

    private final ProcessEngine engine;
    private final Map<String, String> deployed = new HashMap<>();

    private TaskEngine() {
        engine = new StandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:task-engine-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1")
                .setHistory("full")
                .setJobExecutorActivate(false)
                .setMetricsEnabled(false)
                .setDbMetricsReporterActivate(false)
                .buildProcessEngine();
        update("create table FUNDING_REQUEST (ID bigint primary key, REFERENCE varchar(40), TITLE varchar(200),"
                + " TERRITORY varchar(100), THEME varchar(40), ELIGIBLE_COST numeric(19, 2))");
        update("create table PLAN_LINE (REQUEST_ID bigint, ORGANISATION_ID bigint, ENVELOPE_ID bigint,"
                + " AMOUNT numeric(19, 2))");
    }

    /**
     * The engine of this test JVM, built on first use and shared by the test classes (its start is what costs; a
     * mutation run starts a JVM per mutated class). Each test ends the processes it started: {@link #clear}.
     */
    public static synchronized TaskEngine shared() {
        if (shared == null) {
            shared = new TaskEngine();
        }
        return shared;
    }

    public TaskService taskService() {
        return engine.getTaskService();
    }

    public RuntimeService runtimeService() {
        return engine.getRuntimeService();
    }

    public HistoryService historyService() {
        return engine.getHistoryService();
    }

    public RepositoryService repositoryService() {
        return engine.getRepositoryService();
    }

    /** The task lists' reader of task facts, on this engine. */
    public TaskFacts facts() {
        return new EngineTaskFacts(engine.getRuntimeService(), engine.getManagementService());
    }

    /** The task lists' search, on this engine and the requests {@link #store stored} beside it. */
    public TaskSearch search() {
        return new EngineTaskSearch(engine.getTaskService(), engine.getManagementService(),
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource());
    }

    /**
     * Writes what the task search reads of a request — its facts and its plan's lines — in the engine's database,
     * as the application's tables hold them; again after each change of the request the test makes.
     */
    public void store(FundingRequest request) {
        update("delete from PLAN_LINE where REQUEST_ID = ?", request.id());
        update("delete from FUNDING_REQUEST where ID = ?", request.id());
        update("insert into FUNDING_REQUEST values (?, ?, ?, ?, ?, ?)", request.id(), request.reference(),
                request.project().title(), request.project().territory(), request.project().theme().name(),
                request.project().eligibleCost().toBigDecimal());
        for (PlanLine line : request.financingPlan().lines()) {
            update("insert into PLAN_LINE values (?, ?, ?, ?)", request.id(), line.organisation().id(),
                    line.envelope().map(Envelope::id).orElse(null), line.amount().toBigDecimal());
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                statement.setObject(p + 1, parameters[p]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A task of that key in a process of its own, offered to {@code group}, with those process variables. */
    public synchronized Task offer(String taskKey, String group, Date due, Map<String, Object> variables) {
        String process = deployed.computeIfAbsent(taskKey, this::deploy);
        Map<String, Object> all = new HashMap<>(variables);
        all.put("candidateGroup", group);
        all.put("due", due);
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(process, all);
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    public Task task(String taskId) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    }

    /** Where the process of that task ended: {@link #APPROVED} or {@link #OTHER_ANSWER}, after its answer. */
    public String endOf(Task task) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).activityType("noneEndEvent").singleResult()
                .getActivityId();
    }

    /** Ends every process the tests started. */
    public void clear() {
        engine.getRuntimeService().createProcessInstanceQuery().list().forEach(instance ->
                engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over"));
        update("delete from PLAN_LINE");
        update("delete from FUNDING_REQUEST");
    }

    /** Deploys a model of the test's own once, under its process key. */
    public synchronized void deployOnce(String key, org.camunda.bpm.model.bpmn.BpmnModelInstance model) {
        deployed.computeIfAbsent("model:" + key, k -> {
            engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn", model).deploy();
            return key;
        });
    }

    private String deploy(String taskKey) {
        String process = "single-" + taskKey;
        engine.getRepositoryService().createDeployment().addModelInstance(process + ".bpmn",
                Bpmn.createExecutableProcess(process).startEvent()
                        .userTask(taskKey).name("Task " + taskKey).camundaCandidateGroups("${candidateGroup}")
                        .camundaDueDate("${due}")
                        .exclusiveGateway()
                        .condition("approved", "${" + FundingRequestProcess.DECISION + " == 'APPROVE'}")
                        .endEvent(APPROVED)
                        .moveToLastGateway()
                        .condition("other", "${" + FundingRequestProcess.DECISION + " != 'APPROVE'}")
                        .endEvent(OTHER_ANSWER)
                        .done()).deploy();
        return process;
    }

    /** The task commands as the server runs them, each as the user who acts. */
    public TaskCommands commands() {
        TaskService tasks = engine.getTaskService();
        IdentityService identity = engine.getIdentityService();
        return new TaskCommands() {
            @Override
            public void assign(String taskId, String assignee, String actor) {
                as(identity, actor, () -> tasks.setAssignee(taskId, assignee));
            }

            @Override
            public void delegate(String taskId, String colleague, String actor) {
                as(identity, actor, () -> tasks.delegateTask(taskId, colleague));
            }

            @Override
            public void resolve(String taskId, String actor) {
                as(identity, actor, () -> tasks.resolveTask(taskId));
            }

            @Override
            public void assignAndComplete(String taskId, String assignee, Map<String, Object> variables,
                                          String actor) {
                as(identity, actor, () -> {
                    if (assignee != null) {
                        tasks.setAssignee(taskId, assignee);
                    }
                    tasks.complete(taskId, variables);
                });
            }
        };
    }

    private static void as(IdentityService identity, String actor, Runnable work) {
        identity.setAuthenticatedUserId(actor);
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
