package org.cofinance.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A new version of the process always carries its decisions in its own deployment; no change, no new version. */
class ProcessModelsTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void start() {
        engine = new StandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:process-models;DB_CLOSE_DELAY=-1").setJobExecutorActivate(false)
                .buildProcessEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void shouldRedeployEveryModelWithAChangedProcessAndNothingWhenNothingChanged() {
        RepositoryService repository = engine.getRepositoryService();

        // given the models deployed once, then again unchanged
        ProcessModels.deploy(repository);
        ProcessModels.deploy(repository);
        assertThat(repository.createDeploymentQuery().deploymentName(ProcessModels.DEPLOYMENT).count()).isEqualTo(1);

        // when only the process changes
        ProcessModels.deploy(repository, name -> name.endsWith(".bpmn") ? changed(name) : classpath(name));

        // then its new version finds both decisions in its own deployment
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey("funding-request")
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(2);
        for (String decision : new String[] {"eligibility", "committee-level"}) {
            assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision)
                    .deploymentId(latest.getDeploymentId()).count()).as(decision).isEqualTo(1);
        }
    }

    private static InputStream classpath(String name) {
        return ProcessModelsTest.class.getClassLoader().getResourceAsStream(name);
    }

    private static InputStream changed(String name) {
        try (InputStream original = classpath(name)) {
            String bpmn = new String(original.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("name=\"Funding request\"", "name=\"Funding request (v2)\"");
            return new ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
