package org.cofinance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.NewRequest;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.hamcrest.Matcher;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the server: the history past its time to live is removed by a job the engine schedules in the night's window. */
@ExtendWith(ArquillianExtension.class)
class HistoryCleanupIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.builtEarWith(HistoryCleanupIT.class, Awaitility.class, Matcher.class);
    }

    @Inject
    private HistoryService historyService;

    @Inject
    private RepositoryService repositoryService;

    @Inject
    private ManagementService managementService;

    @EJB
    private FundingRequestService requests;

    @EJB
    private EnvelopeService envelopes;

    @PersistenceContext(unitName = "cofinance")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Test
    void shouldScheduleTheHistoryCleanupInTheNightsWindow() {
        // given the engine started with its process and decisions, each with a history time to live
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(FundingRequestProcess.KEY).list()
                .forEach(definition -> assertEquals(3650, definition.getHistoryTimeToLive(), definition.getId()));
        repositoryService.createDecisionDefinitionQuery().list()
                .forEach(definition -> assertEquals(3650, definition.getHistoryTimeToLive(), definition.getId()));

        // when
        List<Job> cleanup = historyService.findHistoryCleanupJobs();

        // then a job removes what has outlived it, due between 22:00 and 06:00 on the server's clock
        assertFalse(cleanup.isEmpty(), "no history cleanup job");
        for (Job job : cleanup) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertTrue(due.isBefore(LocalTime.of(6, 0)) || !due.isBefore(LocalTime.of(22, 0)), "due at " + due);
        }
    }

    @Test
    void shouldRemoveTheHistoryThatOutlivedItsTimeToLiveAndKeepTheRest() throws Exception {
        // given two requests whose processes ended (cancelled after submission), one of them past its time to live
        String expired = endedProcess("Historique expiré");
        String kept = endedProcess("Historique gardé");
        transaction.begin();
        int backdated = 0;
        for (Object table : em.createNativeQuery("select c.table_name from information_schema.columns c "
                + "join information_schema.columns r "
                + "on r.table_name = c.table_name and r.table_schema = c.table_schema "
                + "where c.table_schema = current_schema() and c.table_name like 'act_hi_%' "
                + "and c.column_name = 'removal_time_' and r.column_name = 'root_proc_inst_id_'").getResultList()) {
            backdated += em.createNativeQuery("update " + table + " set removal_time_ = now() - interval '1 day' "
                    + "where root_proc_inst_id_ = ?1").setParameter(1, expired).executeUpdate();
        }
        transaction.commit();
        assertTrue(backdated > 1, "the expired process's history rows were backdated");

        // when the engine's history cleanup runs (here, now, instead of in the night's window)
        String cleanup = historyService.cleanUpHistoryAsync(true).getId();
        Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS).until(() -> {
            try {
                managementService.executeJob(cleanup);
            } catch (OptimisticLockingException | NullValueException takenByTheJobExecutor) {
                // the job executor ran it meanwhile
            }
            return historyService.createHistoricProcessInstanceQuery().processInstanceId(expired).count() == 0;
        });

        // then the expired history is gone, to its activities, tasks and variables, and the other is kept
        assertEquals(0, historyService.createHistoricActivityInstanceQuery().processInstanceId(expired).count());
        assertEquals(0, historyService.createHistoricTaskInstanceQuery().processInstanceId(expired).count());
        assertEquals(0, historyService.createHistoricVariableInstanceQuery().processInstanceId(expired).count());
        assertEquals(1, historyService.createHistoricProcessInstanceQuery().processInstanceId(kept).count());
        assertTrue(historyService.createHistoricActivityInstanceQuery().processInstanceId(kept).count() > 0);
    }

    /** A request submitted then cancelled: the id of its ended process instance. */
    private String endedProcess(String title) {
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            Long id = requests.create(request(title), null).id();
            String processInstance = requests.submit(id).processInstanceId();
            requests.cancel(id, "abandon");
            assertEquals(1, historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstance)
                    .finished().count(), "the process of " + title + " ended");
            return processInstance;
        }
    }

    private NewRequest request(String title) {
        Long cdc = organisation(OrganisationKind.CDC);
        Long fund = organisation(OrganisationKind.PRIVATE_INVESTOR);
        Long lead = organisation(OrganisationKind.COMPANY);
        return NewRequest.ofLead(title, "Dijon", "DIGITAL", lead, "1000000.00", List.of(
                new NewRequest.Line(cdc, OwnEnvelope.open(envelopes, "IT-HISTORY-CDC", cdc, "400000.00"), "SUBSIDY",
                        "400000.00"),
                new NewRequest.Line(fund, OwnEnvelope.open(envelopes, "IT-HISTORY-FUND", fund, "300000.00"), "EQUITY",
                        "300000.00"),
                new NewRequest.Line(lead, null, "SELF_FUNDING", "300000.00")));
    }

    private Long organisation(OrganisationKind kind) {
        return em.createQuery("select o.id from Organisation o where o.kind = :k order by o.id", Long.class)
                .setParameter("k", kind).setMaxResults(1).getSingleResult();
    }
}
