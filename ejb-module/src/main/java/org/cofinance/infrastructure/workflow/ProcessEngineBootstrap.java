package org.cofinance.infrastructure.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.cofinance.bpmn.ProcessModels;
import org.cofinance.infrastructure.demo.DemoData;
import org.cofinance.infrastructure.persistence.DatabaseMigration;
import org.cofinance.infrastructure.persistence.StartupLock;

/**
 * Starts the application: migrates the schema (ours and Camunda's, by Flyway), builds the process engine on the
 * server's datasource and JTA transaction manager — so that a task completion and the JPA writes of the same call
 * commit or roll back together — deploys the process models, then loads the demo data when asked to; one node of a
 * cluster at a time ({@link StartupLock}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProcessEngineBootstrap {

    public static final String DATASOURCE = "java:jboss/datasources/CofinanceDS";
    private static final Logger LOG = Logger.getLogger(ProcessEngineBootstrap.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    /** The schema owner's connections, for the migrations only. */
    @Resource(lookup = "java:jboss/datasources/CofinanceOwnerDS")
    private DataSource ownerDataSource;

    @Resource(lookup = "java:jboss/TransactionManager")
    private TransactionManager transactionManager;

    @Inject
    private BeanManager beanManager;

    @EJB
    private DemoData demoData;

    private volatile ProcessEngine processEngine;

    @PostConstruct
    void start() {
        try (StartupLock starting = StartupLock.acquire(ownerDataSource)) {
            startAlone();
        }
        LOG.info("Cofinance is ready");
    }

    private void startAlone() {
        DatabaseMigration.migrate(ownerDataSource, System.getProperty("cofinance.db.runtime.user"));
        JakartaTransactionProcessEngineConfiguration configuration = new JakartaTransactionProcessEngineConfiguration();
        configuration.setProcessEngineName("cofinance");
        configuration.setDataSource(dataSource);
        configuration.setDataSourceJndiName(DATASOURCE);
        configuration.setTransactionManager(transactionManager);
        configuration.setTransactionsExternallyManaged(true);
        configuration.setDatabaseSchemaUpdate("false");
        configuration.setHistory(System.getProperty("cofinance.history.level", "full"));
        // history past its time to live (set on the process and each decision) is removed by one job, shared by the
        // nodes, that runs in this window of the server's clock
        configuration.setHistoryCleanupBatchWindowStartTime(System.getProperty("cofinance.history.cleanup.from",
                "22:00"));
        configuration.setHistoryCleanupBatchWindowEndTime(System.getProperty("cofinance.history.cleanup.until",
                "06:00"));
        // the node's name in the engine's job log (act_hi_job_log.hostname_) and metrics: which node ran what
        if (System.getProperty("jboss.node.name") != null) {
            configuration.setHostname(System.getProperty("jboss.node.name"));
        }
        configuration.setJobExecutorActivate(false);
        configuration.setJobExecutor(jobExecutor());
        configuration.setJobExecutorDeploymentAware(false);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
        CdiExpressionManager expressions = new CdiExpressionManager(beanManager);
        configuration.setExpressionManager(expressions);
        configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>(List.of(
                new TaskNotificationParseListener(expressions))));
        processEngine = configuration.buildProcessEngine();
        deployModels();
        if (Boolean.getBoolean("cofinance.demo")) {
            demoData.loadIfEmpty();
            demoData.addMissingUsers();
        }
    }

    /**
     * The engine's job executor, sized by system properties: {@code cofinance.jobs.threads} threads (3 by default, as
     * Camunda's) taking up to {@code cofinance.jobs.per-acquisition} jobs at a time (3 by default). Every node of a
     * cluster runs one; they share the jobs through the database: a node locks the jobs it takes for
     * {@code cofinance.jobs.lock-seconds} (300 by default, as Camunda's), after which another node may take a job
     * whose node died holding it; an idle node looks for jobs it was not told of (those another node created) at
     * least every {@code cofinance.jobs.max-idle-wait-ms} (60,000 by default, as Camunda's). A job so taken again is
     * run again: its effects are idempotent (the reservations' keys), and the engine's optimistic locking lets only
     * one run of it commit.
     */
    private static DefaultJobExecutor jobExecutor() {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        int threads = Integer.getInteger("cofinance.jobs.threads", 3);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(Math.max(threads, 10));
        executor.setQueueSize(threads);
        executor.setMaxJobsPerAcquisition(Integer.getInteger("cofinance.jobs.per-acquisition", 3));
        // the jobs a node holds bear its name (jboss.node.name), so that one can tell whose they were when it died
        executor.setLockOwner(System.getProperty("jboss.node.name", executor.getLockOwner()));
        executor.setLockTimeInMillis(Math.toIntExact(Integer.getInteger("cofinance.jobs.lock-seconds", 300) * 1000L));
        int maxIdleWait = Integer.getInteger("cofinance.jobs.max-idle-wait-ms", 60_000);
        executor.setMaxWait(maxIdleWait);
        executor.setWaitTimeInMillis(Math.min(executor.getWaitTimeInMillis(), maxIdleWait));
        return executor;
    }

    private void deployModels() {
        ProcessModels.deploy(processEngine.getRepositoryService());
    }

    @PreDestroy
    void stop() {
        if (processEngine != null) {
            processEngine.close();
        }
    }

    /** Starts the job executor; {@link JobExecutorStart} does so once everything else has started. */
    public void startJobExecutor() {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getJobExecutor().start();
    }

    public ProcessEngine processEngine() {
        return processEngine;
    }

    public boolean isReady() {
        return processEngine != null;
    }
}
