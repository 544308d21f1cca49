package org.cofinance.bpmn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The process and its decisions, deployed together: when any of them changed, all of them make the new deployment,
 * so that a process version always finds the rules it was deployed with in its own deployment (rules are versioned
 * with the process). When none changed, nothing is deployed.
 */
public final class ProcessModels {

    public static final String DEPLOYMENT = "cofinance";
    /** The models, as {@code processes/models.txt} lists them: a new programme's rules are a table and a line. */
    public static final List<String> RESOURCES = listed("processes/models.txt");

    private ProcessModels() {
    }

    private static List<String> listed(String index) {
        try (InputStream in = ProcessModels.class.getClassLoader().getResourceAsStream(index)) {
            if (in == null) {
                throw new IllegalStateException("the index of the process models " + index + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys the models read from the class path. */
    public static Deployment deploy(RepositoryService repository) {
        return deploy(repository, name -> ProcessModels.class.getClassLoader().getResourceAsStream(name));
    }

    /** Deploys the models {@code source} gives by resource name; the deployment made, or null when none changed. */
    public static Deployment deploy(RepositoryService repository, Function<String, InputStream> source) {
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT).source(DEPLOYMENT)
                .enableDuplicateFiltering(false);
        for (String name : RESOURCES) {
            InputStream model = source.apply(name);
            if (model == null) {
                throw new IllegalStateException("process model " + name + " is missing");
            }
            deployment.addInputStream(name, model);
        }
        return deployment.deployWithResult();
    }
}
