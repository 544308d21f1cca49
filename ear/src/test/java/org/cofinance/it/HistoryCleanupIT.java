package org.cofinance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.cofinance.bpmn.FundingRequestProcess;
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
        return Deployments.builtEarWith(HistoryCleanupIT.class);
    }

    @Inject
    private HistoryService historyService;

    @Inject
    private RepositoryService repositoryService;

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
}
