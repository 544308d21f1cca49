package org.cofinance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The cluster against one node, in one run on the same machine, through the same balancer: lifecycles per second with
 * both nodes, then one node killed ({@code SIGKILL}, by the process id the health check gives an administrator) while
 * lifecycles run — the time to the balancer's first good answer and to the last job the dead node held being taken
 * again —, then lifecycles per second with the survivor alone. Runs against the cluster command
 * ({@code ./mvnw package -Pcluster}) on this machine. Arguments: lifecycles per phase, clients, API base URL (the
 * balancer), JDBC URL, user, password (to see the jobs a node holds), results file, warm-up lifecycles.
 */
public final class ClusterBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lifecycles = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        String api = args[2];
        String jdbcUrl = args[3];
        Path results = Path.of(args[6]);
        int warmUp = Integer.parseInt(args[7]);

        Map<String, Long> nodes = nodes(api);
        if (nodes.size() < 2) {
            throw new IllegalStateException("the balancer reaches " + nodes.keySet() + ": start the cluster first");
        }
        ApplicationLifecycles application = new ApplicationLifecycles(api);
        application.makeRoom(3 * (warmUp + lifecycles));
        LifecycleRun.Phase two = application.run(warmUp, lifecycles, clients);

        String victim = nodes.keySet().iterator().next();
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<LifecycleRun.Phase> during = background.submit(() -> application.run(0, lifecycles, clients));
        background.shutdown();
        TimeUnit.SECONDS.sleep(3);
        long killedAt = System.nanoTime();
        ProcessHandle.of(nodes.get(victim)).orElseThrow().destroyForcibly();
        long firstAnswer = firstGoodAnswer(api, killedAt);
        long lastJobRetaken = lastJobRetaken(jdbcUrl, args[4], args[5], victim, killedAt);
        LifecycleRun.Phase failover = during.get();
        LifecycleRun.Phase one = application.run(warmUp, lifecycles, clients);

        StringBuilder out = new StringBuilder();
        out.append("\n### Cluster, ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.version")).append("\n\n")
                .append("Command: `./mvnw -pl bench -am -DskipTests -Pbench-cluster verify -Dbench.lifecycles=")
                .append(lifecycles).append(" -Dbench.clients=").append(clients).append(" -Dbench.warmup=")
                .append(warmUp).append("` against `./mvnw package -Pcluster` (two nodes behind HAProxy on this ")
                .append("machine); ").append(victim).append(" killed with SIGKILL 3 s into the middle phase.\n\n")
                .append("| phase | lifecycles/s | lifecycle p50 | lifecycle p99 | failed |\n|---|---|---|---|---|\n");
        for (LifecycleRun.Phase phase : new LifecycleRun.Phase[] {two, failover, one}) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f ms | %.1f ms | %d |%n", phase == two
                    ? "two nodes" : phase == one ? "one node (the survivor)" : "the kill in their midst",
                    phase.perSecond(), phase.p50Micros() / 1000.0, phase.p99Micros() / 1000.0, phase.failures()));
        }
        out.append(String.format(Locale.ROOT, "%nTwo nodes / one node: %.2f. From the kill to the balancer's first "
                + "good answer: %d ms; to the last job the dead node held taken again: %d ms.%n",
                two.perSecond() / one.perSecond(), TimeUnit.NANOSECONDS.toMillis(firstAnswer - killedAt),
                TimeUnit.NANOSECONDS.toMillis(lastJobRetaken - killedAt)));
        System.out.print(out);
        Files.writeString(results, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Each node the balancer reaches, with its process id, as the health check tells an administrator. */
    private static Map<String, Long> nodes(String api) throws IOException, InterruptedException {
        Map<String, Long> nodes = new TreeMap<>();
        for (int i = 0; i < 20 && nodes.size() < 2; i++) {
            HttpClient fresh = HttpClient.newHttpClient();
            HttpResponse<String> health = fresh.send(HttpRequest.newBuilder(URI.create(api + "/health"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(health.body());
            nodes.put(answer.get("node").asText(), answer.get("pid").asLong());
        }
        return nodes;
    }

    private static long firstGoodAnswer(String api, long since) throws InterruptedException {
        while (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(60)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(api + "/health")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return System.nanoTime();
                }
            } catch (IOException notYet) {
                // the balancer has not taken the dead node out yet
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new IllegalStateException("no good answer 60 s after the kill");
    }

    private static long lastJobRetaken(String url, String user, String password, String node, long since)
            throws SQLException, InterruptedException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement held = connection.prepareStatement(
                     "select count(*) from act_ru_job where lock_owner_ = ? and lock_exp_time_ is not null")) {
            held.setString(1, node);
            while (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(300)) {
                try (ResultSet count = held.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        return System.nanoTime();
                    }
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        throw new IllegalStateException("jobs of " + node + " still held 300 s after the kill");
    }
}
