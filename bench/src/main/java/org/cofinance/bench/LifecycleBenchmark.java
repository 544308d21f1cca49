package org.cofinance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.bpmn.ProcessModels;

/**
 * Full lifecycles per second — create, submit, instruct, reservation, three approvals by three organisations in
 * parallel, commitments posted — with N concurrent clients against the running application's API, with p50/p99 per
 * API call; then, in the same run and on the same PostgreSQL (a schema of its own), a bare Camunda engine running the
 * same BPMN with no-op delegates through the same steps. Appends the figures to docs/benchmarks.md.
 * Each phase first runs warm-up lifecycles that are not counted, so that both paths are measured with their code
 * compiled. Arguments: lifecycles per phase, clients, API base URL, JDBC URL, JDBC user, JDBC password, results file,
 * warm-up lifecycles per phase; {@code -Dbench.phases=bare} (or {@code application}) runs one phase alone.
 */
public final class LifecycleBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> APPROVERS = List.of("cdc", "investor", "region");
    private static final Duration RESERVATION_PATIENCE = Duration.ofSeconds(60);

    private final String api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, ConcurrentLinkedQueue<Long>> callMicros = new ConcurrentHashMap<>();

    private LifecycleBenchmark(String api) {
        this.api = api;
    }

    record Phase(String name, int lifecycles, int failures, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return (lifecycles - failures) / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int lifecycles = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        LifecycleBenchmark bench = new LifecycleBenchmark(args[2]);
        String jdbcUrl = args[3];
        Path results = Path.of(args[6]);
        int warmUp = Integer.parseInt(args[7]);

        List<String> phases = List.of(System.getProperty("bench.phases", "application,bare").split(","));

        List<Phase> measured = new ArrayList<>();
        if (phases.contains("application")) {
            bench.makeRoom(warmUp + lifecycles);
            measured.add(bench.applicationPhase(warmUp, lifecycles, clients));
        }
        if (phases.contains("bare")) {
            measured.add(barePhase(warmUp, lifecycles, clients, jdbcUrl, args[4], args[5]));
        }
        bench.report(measured, warmUp, clients, jdbcUrl, results);
    }

    // ---- the application, through its API

    /** A 100,000 € plan: the CDC 30,000 €, the fund 30,000 €, the region 20,000 €, the lead 20,000 € of its own. */
    private String plan(Map<String, Long> organisations, int index) {
        return """
                {"title": "Bench lifecycle %d", "territory": "Bench", "theme": "DIGITAL", "leadOrganisationId": %d,
                 "eligibleCost": "100000.00", "plan": [
                 {"organisationId": %d, "envelopeCode": "AMI-TIGA-SUB", "instrument": "SUBSIDY", "amount": "30000.00"},
                 {"organisationId": %d, "envelopeCode": "FONDS-IMMO", "instrument": "EQUITY", "amount": "30000.00"},
                 {"organisationId": %d, "envelopeCode": "REGION-BFC", "instrument": "SUBSIDY", "amount": "20000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "20000.00"}]}
                """.formatted(index, organisations.get("Agrinova"), organisations.get("Caisse des Dépôts"),
                organisations.get("Fonds Résidence"), organisations.get("Région"), organisations.get("Agrinova"));
    }

    /** Raises the demo envelopes' ceilings, by amendment, so that every lifecycle of the run fits. */
    private void makeRoom(int lifecycles) throws IOException, InterruptedException {
        Map<String, BigDecimal> needs = Map.of("AMI-TIGA-SUB", new BigDecimal("30000.00"), "FONDS-IMMO",
                new BigDecimal("30000.00"), "REGION-BFC", new BigDecimal("20000.00"));
        for (JsonNode envelope : call("admin", "GET", "/envelopes?size=500", null, "setup").get("items")) {
            BigDecimal need = needs.get(envelope.get("code").asText());
            if (need == null) {
                continue;
            }
            BigDecimal wanted = need.multiply(BigDecimal.valueOf(lifecycles + 10L));
            BigDecimal available = new BigDecimal(envelope.get("available").asText());
            if (available.compareTo(wanted) < 0) {
                if (envelope.get("code").asText().startsWith("AMI-TIGA-")) {
                    throw new IllegalStateException("AMI-TIGA-SUB cannot hold " + lifecycles + " lifecycles");
                }
                BigDecimal ceiling = new BigDecimal(envelope.get("ceiling").asText()).add(wanted).subtract(available);
                call("admin", "POST", "/envelopes/" + envelope.get("id").asLong() + "/amendments",
                        "{\"ceiling\":\"" + ceiling.toPlainString() + "\",\"reason\":\"lifecycle benchmark\"}",
                        "setup");
            }
        }
    }

    private Phase applicationPhase(int warmUp, int lifecycles, int clients) throws Exception {
        Map<String, Long> organisations = new TreeMap<>();
        for (JsonNode o : call("admin", "GET", "/organisations?size=500", null, "setup").get("items")) {
            for (String start : List.of("Agrinova", "Caisse des Dépôts", "Fonds Résidence", "Région")) {
                if (o.get("name").asText().startsWith(start)) {
                    organisations.putIfAbsent(start, o.get("id").asLong());
                }
            }
        }
        ExecutorService approvals = Executors.newFixedThreadPool(clients * APPROVERS.size());
        try {
            return warmThenRun("application (API)", warmUp, lifecycles, clients, callMicros::clear, index -> {
                JsonNode created = call("officer", "POST", "/requests", plan(organisations, index), "POST /requests");
                long id = created.get("id").asLong();
                call("officer", "POST", "/requests/" + id + "/submit", null, "POST /requests/{id}/submit");
                complete("officer", id, FundingRequestProcess.INSTRUCT);
                awaitStatus(id, "AWAITING_DECISIONS");
                List<Future<?>> decisions = new ArrayList<>();
                for (String approver : APPROVERS) {
                    decisions.add(approvals.submit(() -> {
                        complete(approver, id, FundingRequestProcess.DECIDE);
                        return null;
                    }));
                }
                for (Future<?> decision : decisions) {
                    decision.get(60, TimeUnit.SECONDS);
                }
                String status = call("officer", "GET", "/requests/" + id, null, "GET /requests/{id}").get("status")
                        .asText();
                if (!"APPROVED".equals(status)) {
                    throw new IllegalStateException("request " + id + " ended " + status);
                }
            });
        } finally {
            approvals.shutdown();
        }
    }

    private void complete(String user, long requestId, String taskType) throws IOException, InterruptedException {
        for (JsonNode task : call(user, "GET", "/tasks?requestId=" + requestId, null, "GET /tasks").get("items")) {
            if (task.get("taskType").asText().equals(taskType)) {
                call(user, "POST", "/tasks/" + task.get("id").asText() + "/complete", "{\"decision\":\"APPROVE\"}",
                        "POST /tasks/{id}/complete");
                return;
            }
        }
        throw new IllegalStateException("no " + taskType + " task for " + user + " on request " + requestId);
    }

    /** The reservation is a job of its own: polls the request until it leaves instruction. */
    private void awaitStatus(long id, String expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RESERVATION_PATIENCE.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            String status = call("officer", "GET", "/requests/" + id, null, "GET /requests/{id}").get("status")
                    .asText();
            if (expected.equals(status)) {
                record("reservation job (after the instruction)", System.nanoTime() - started);
                return;
            }
            if (!"IN_INSTRUCTION".equals(status)) {
                throw new IllegalStateException("request " + id + " is " + status + ", expected " + expected);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new IllegalStateException("request " + id + " not " + expected + " after " + RESERVATION_PATIENCE);
    }

    private JsonNode call(String user, String method, String path, String body, String kind)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        record(kind, System.nanoTime() - start);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private void record(String kind, long nanos) {
        callMicros.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos / 1_000);
    }

    // ---- the bare engine, same BPMN, no-op delegates

    /** The application's beans the process calls, doing nothing: three funders, one level each, all approve. */
    public static final class NoOpDecisions {
        public List<Long> fundersToDecide(Long requestId) {
            return List.of(1L, 2L, 3L);
        }

        public List<String> committeeLevels(Long requestId, Long organisationId, String processDefinitionId) {
            return List.of("COMMITTEE");
        }

        public boolean stoppedAt(Long requestId, Long organisationId) {
            return false;
        }

        public boolean anyRejected(Long requestId) {
            return false;
        }

        public boolean allApproved(Long requestId) {
            return true;
        }

        public List<Long> trancheIds(Long requestId) {
            return List.of();
        }

        public java.util.Date trancheDue(Long trancheId) {
            return new java.util.Date();
        }
    }

    private static Phase barePhase(int warmUp, int lifecycles, int clients, String jdbcUrl, String user,
                                   String password) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists bench_engine cascade");
            sql.execute("create schema bench_engine");
        }
        JavaDelegate noOp = execution -> { };
        Map<Object, Object> beans = new java.util.HashMap<>();
        FundingRequestProcess.DELEGATES.forEach(name -> beans.put(name, noOp));
        beans.put(FundingRequestProcess.CHECK_ELIGIBILITY,
                (JavaDelegate) execution -> execution.setVariable(FundingRequestProcess.ELIGIBLE, true));
        beans.put(FundingRequestProcess.RESERVE_FUNDS,
                (JavaDelegate) execution -> execution.setVariable(FundingRequestProcess.RESERVATION_FITS, true));
        beans.put(FundingRequestProcess.FUNDING_DECISIONS, new NoOpDecisions());
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
        configuration.setBeans(beans);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            ProcessModels.deploy(engine.getRepositoryService());
            ExecutorService approvals = Executors.newFixedThreadPool(clients * APPROVERS.size());
            try {
                return warmThenRun("bare Camunda engine (same BPMN, no-op delegates)", warmUp, lifecycles, clients,
                        () -> { }, index -> {
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
                engine.getTaskService().complete(taskId, Variables.createVariables().putValueTyped("decision",
                        Variables.stringValue("APPROVE", true)));
                return;
            } catch (org.camunda.bpm.engine.OptimisticLockingException concurrent) {
                if (attempt >= 5) {
                    throw concurrent;
                }
            }
        }
    }

    private static void completeBare(ProcessEngine engine, String instance, String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
                .singleResult();
        engine.getTaskService().complete(task.getId(), Variables.createVariables().putValueTyped("decision",
                Variables.stringValue("APPROVE", true)));
    }

    // ---- running and reporting

    @FunctionalInterface
    interface Lifecycle {
        void run(int index) throws Exception;
    }

    /** Runs the warm-up lifecycles, forgets what they measured, then runs and measures the counted ones. */
    private static Phase warmThenRun(String name, int warmUp, int lifecycles, int clients, Runnable forget,
                                     Lifecycle lifecycle) throws InterruptedException {
        if (warmUp > 0) {
            run(name + " warm-up", warmUp, clients, index -> lifecycle.run(lifecycles + index));
        }
        forget.run();
        return run(name, lifecycles, clients, lifecycle);
    }

    private static Phase run(String name, int lifecycles, int clients, Lifecycle lifecycle)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < lifecycles; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        try {
                            lifecycle.run(i);
                            micros.add((System.nanoTime() - began) / 1_000);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            System.err.println(name + ": lifecycle " + i + " failed: " + e);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            client.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(name, lifecycles, failures.get(), seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private void report(List<Phase> phases, int warmUp, int clients, String jdbcUrl, Path results)
            throws IOException {
        int lifecycles = phases.get(0).lifecycles();
        StringBuilder out = new StringBuilder();
        out.append("\n### Lifecycles, ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.version")).append("\n\n");
        out.append("Command: `./mvnw -pl bench -am -DskipTests -Pbench-lifecycles verify -Dbench.lifecycles=")
                .append(lifecycles).append(" -Dbench.warmup=").append(warmUp)
                .append(" -Dbench.clients=").append(clients).append(phases.size() == 2 ? ""
                        : " -Dbench.phases=" + System.getProperty("bench.phases"))
                .append("` against the application started by `./mvnw package -Prun`, its database ")
                .append(jdbcUrl.replaceAll("\\?.*", "")).append(". ").append(clients).append(" clients, ")
                .append(lifecycles).append(" lifecycles per phase, each after ").append(warmUp)
                .append(" warm-up lifecycles that are not counted.\n\n");
        out.append("| path | lifecycles/s | lifecycle p50 | lifecycle p99 | failed |\n|---|---|---|---|---|\n");
        for (Phase phase : phases) {
            out.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f ms | %.1f ms | %d |%n",
                    phase.name(), phase.perSecond(), phase.p50Micros() / 1000.0, phase.p99Micros() / 1000.0,
                    phase.failures()));
        }
        if (phases.size() == 2) {
            out.append(String.format(java.util.Locale.ROOT,
                    "%nRatio application / bare engine: %.2f (target ≥ 0.8); target ≥ 100 lifecycles/s.%n",
                    phases.get(0).perSecond() / phases.get(1).perSecond()));
        }
        out.append('\n');
        if (!callMicros.isEmpty()) {
            out.append("| API call | calls | p50 | p99 |\n|---|---|---|---|\n");
        }
        new TreeMap<>(callMicros).forEach((kind, values) -> {
            if (!"setup".equals(kind)) {
                long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
                out.append(String.format(java.util.Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms |%n", kind,
                        sorted.length, percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0));
            }
        });
        System.out.print(out);
        Files.writeString(results, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
