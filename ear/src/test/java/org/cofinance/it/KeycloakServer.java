package org.cofinance.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real Keycloak (the Maven Central distribution the build unpacked under target/) standing in for ProConnect: started
 * once per test run on loopback, in development mode with a fresh store, the test realm imported (its clients allowed
 * back to the application under test), and stopped with the tests' JVM. The application under test is configured for
 * it from the start (arquillian.xml) and discovers it on first use.
 */
final class KeycloakServer {

    static final String REALM = "cofinance";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process process;
    private static Duration startup;

    private KeycloakServer() {
    }

    /** The realm's issuer, as the application and the browser reach it. */
    static String issuer() {
        return "http://localhost:" + TestPorts.keycloak() + "/realms/" + REALM;
    }

    /** How long the provider took from its launch to its first answer, in this run. */
    static synchronized Duration startup() {
        return startup;
    }

    static synchronized void ensureStarted() {
        if (process != null) {
            return;
        }
        Path home = Path.of(System.getProperty("cofinance.keycloak.home", "target/keycloak"));
        try {
            deleteTree(home.resolve("data"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            String realm;
            try (InputStream template = KeycloakServer.class.getResourceAsStream("/keycloak/cofinance-realm.json")) {
                realm = new String(template.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("@APPLICATION_URL@", TestPorts.applicationUrl());
            }
            Files.writeString(imports.resolve("cofinance-realm.json"), realm);
            Instant launched = Instant.now();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + TestPorts.keycloak(),
                    "--hostname=http://localhost:" + TestPorts.keycloak(),
                    "--http-management-port=" + (TestPorts.keycloak() + 1000), "--import-realm", "--cache=local")
                    .redirectErrorStream(true).redirectOutput(Path.of("target/keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakServer::stop));
            Awaitility.await("Keycloak answering on " + issuer()).atMost(240, TimeUnit.SECONDS)
                    .pollInterval(500, TimeUnit.MILLISECONDS).ignoreException(ConnectException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Keycloak stopped: see target/keycloak.log");
                        }
                        return get(issuer() + "/.well-known/openid-configuration").statusCode() == 200;
                    });
            startup = Duration.between(launched, Instant.now());
            System.out.println("Keycloak answered " + startup.toMillis() + " ms after its launch");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An access token of the client-credentials flow for that client of the test realm. */
    static String clientCredentialsToken(String clientId, String secret) {
        ensureStarted();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + clientId + ": " + response.body());
            }
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static synchronized void stop() {
        if (process != null) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
