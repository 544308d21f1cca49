package org.cofinance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/**
 * The REST peer's WAR deployed on the running application's WildFly (through its management model on port 9990) for
 * the time of its phase, its engine on the schema {@code rest_peer} of the application's database; closed, the WAR is
 * undeployed and the schema dropped, so that the application's server and database are as they were.
 */
final class PeerDeployment implements AutoCloseable {

    static final String NAME = "cofinance-rest-peer.war";
    static final String SCHEMA = "rest_peer";
    private static final Duration READY_PATIENCE = Duration.ofSeconds(120);

    private final String jdbcUrl;
    private final String user;
    private final String password;

    private PeerDeployment(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Deploys the WAR (a fresh schema first) and waits until its API answers; the peer's base URL is returned. */
    static PeerDeployment deploy(Path war, String jdbcUrl, String user, String password)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("the REST peer's WAR is not built: " + war);
        }
        PeerDeployment deployment = new PeerDeployment(jdbcUrl, user, password);
        deployment.remove();
        deployment.dropSchema();
        ModelNode add = Operations.createAddOperation(address());
        ModelNode content = new ModelNode();
        content.get("path").set(war.toAbsolutePath().toString());
        content.get("archive").set(true);
        add.get("content").add(content);
        add.get("enabled").set(true);
        deployment.execute(add);
        deployment.awaitReady();
        return deployment;
    }

    String baseUrl() {
        return "http://localhost:8080/engine-rest";
    }

    @Override
    public void close() throws IOException {
        remove();
        dropSchema();
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest version = HttpRequest.newBuilder(URI.create(baseUrl() + "/version"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer:officer"
                        .getBytes(StandardCharsets.UTF_8))).build();
        long deadline = System.nanoTime() + READY_PATIENCE.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = http.send(version, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("the REST peer did not answer within " + READY_PATIENCE + " (last: " + status
                + ")");
    }

    private void remove() throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("localhost", 9990)) {
            if (Operations.isSuccessfulOutcome(client.execute(Operations.createReadResourceOperation(address())))) {
                ModelNode removed = client.execute(Operations.createRemoveOperation(address()));
                if (!Operations.isSuccessfulOutcome(removed)) {
                    throw new IllegalStateException("cannot undeploy the REST peer: "
                            + Operations.getFailureDescription(removed));
                }
            }
        }
    }

    private void execute(ModelNode operation) throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("localhost", 9990)) {
            ModelNode outcome = client.execute(operation);
            if (!Operations.isSuccessfulOutcome(outcome)) {
                throw new IllegalStateException("cannot deploy the REST peer: "
                        + Operations.getFailureDescription(outcome));
            }
        }
    }

    private void dropSchema() {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the REST peer's schema", e);
        }
    }

    private static ModelNode address() {
        return Operations.createAddress("deployment", NAME);
    }
}
