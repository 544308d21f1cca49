package org.cofinance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cofinance.bench.peer.NoOpProcessBeans;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.bpmn.ProcessModels;
/**
 * The same lifecycles on a bare Camunda engine, on the same PostgreSQL (a schema of its own), running the same BPMN
 * with no-op delegates through the same steps: what the process itself costs.
 */
final class BareEngineLifecycles {

    private BareEngineLifecycles() {
    }

    static LifecycleRun.Phase run(int warmUp, int lifecycles, int clients, String jdbcUrl, String user,
                                   String password) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists bench_engine cascade");
            sql.execute("create schema bench_engine");
        }
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDatabaseSchema("bench_engine");
        configuration.setDatabaseTablePrefix("bench_engine.");
        // MyBatis's pool keeps 5 idle connections unless told otherwise and closes the others when handed back: every
        // transaction beyond five at once then paid for a new PostgreSQL connection (a server process forked).
        configuration.setJdbcDriver("org.postgresql.Driver")
                .setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=bench_engine")
                .setJdbcUsername(user).setJdbcPassword(password).setJdbcMaxActiveConnections(clients * 4)
                .setJdbcMaxIdleConnections(clients * 4)
                .setDatabaseSchemaUpdate("true").setHistory(System.getProperty("cofinance.history.level", "full"))
                .setJobExecutorActivate(false);
        configuration.setBeans(NoOpProcessBeans.byName());
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            ProcessModels.deploy(engine.getRepositoryService());
            ExecutorService approvals = Executors.newFixedThreadPool(clients * ApplicationLifecycles.APPROVERS.size());
            try {
                return LifecycleRun.warmThenRun("bare Camunda engine (same BPMN, no-op delegates)", warmUp,
                        lifecycles, clients, () -> { }, index -> {
                    String instance = engine.getRuntimeService().startProcessInstanceByKey(FundingRequestProcess.KEY,
                            "BENCH-" + index, Map.of(FundingRequestProcess.REQUEST_ID, (long) index)).getId();
                    completeBare(engine, instance, FundingRequestProcess.INSTRUCT);
                    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance)
                            .messages().list()) {
                        engine.getManagementService().executeJob(job.getId());
                    }
                    List<Task> decisions = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                            .taskDefinitionKey(FundingRequestProcess.DECIDE).list();
                    List<Future<?>> done = new ArrayList<>();
                    for (Task task : decisions) {
                        done.add(approvals.submit(() -> completeRetrying(engine, task.getId())));
                    }
                    for (Future<?> decision : done) {
                        decision.get(60, TimeUnit.SECONDS);
                    }
                    if (engine.getTaskService().createTaskQuery().processInstanceId(instance)
                            .taskDefinitionKey(FundingRequestProcess.SIGN_CONVENTION).count() != 1) {
                        throw new IllegalStateException("instance " + instance + " did not post its commitments");
                    }
                });
            } finally {
                approvals.shutdown();
            }
        } finally {
            engine.close();
            try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                 Statement sql = db.createStatement()) {
                sql.execute("drop schema if exists bench_engine cascade");
            }
        }
    }

    /** As the application does: a decision refused as a concurrent update of the process is made again. */
    private static void completeRetrying(ProcessEngine engine, String taskId) {
        for (int attempt = 1; ; attempt++) {
            try {
                engine.getTaskService().complete(taskId,
                        Variables.createVariables().putValueTyped(FundingRequestProcess.DECISION,
                        Variables.stringValue("APPROVE", true)));
                return;
            } catch (OptimisticLockingException concurrent) {
                if (attempt >= 5) {
                    throw concurrent;
                }
            }
        }
    }

    private static void completeBare(ProcessEngine engine, String instance, String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
                .singleResult();
        engine.getTaskService().complete(task.getId(),
                Variables.createVariables().putValueTyped(FundingRequestProcess.DECISION,
                Variables.stringValue("APPROVE", true)));
    }
}
