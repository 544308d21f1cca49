package org.cofinance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Full lifecycles per second — create, submit, instruct, reservation, three approvals by three organisations in
 * parallel, commitments posted — with N concurrent clients against the running application's API, with p50/p99 per
 * API call; then, in the same run, the peers a team would use instead: Camunda's own REST API (a WAR deployed for its
 * phase on the same WildFly, an engine of its own on its own schema, the same BPMN with no-op delegates) driven by the
 * same clients with the equivalent calls, and a bare Camunda engine in process running the same BPMN with no-op
 * delegates (a schema of its own). Appends the figures to docs/benchmarks.md.
 * Each phase first runs warm-up lifecycles that are not counted, so that every path is measured with its code
 * compiled. Arguments: lifecycles per phase, clients, API base URL, JDBC URL, JDBC user, JDBC password, results file,
 * warm-up lifecycles per phase, the REST peer's WAR; {@code -Dbench.phases=application,rest,bare} (the default) or
 * any of them runs those phases alone.
 */
public final class LifecycleBenchmark {

    private static final String APPLICATION = "application";
    private static final String REST = "rest";
    private static final String BARE = "bare";

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lifecycles = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        String jdbcUrl = args[3];
        Path results = Path.of(args[6]);
        int warmUp = Integer.parseInt(args[7]);
        Path peerWar = Path.of(args[8]);
        String phaseList = System.getProperty("bench.phases", String.join(",", APPLICATION, REST, BARE));
        List<String> phases = List.of(phaseList.split(","));

        Map<String, LifecycleRun.Phase> measured = new LinkedHashMap<>();
        Map<String, Map<String, ConcurrentLinkedQueue<Long>>> calls = new LinkedHashMap<>();
        if (phases.contains(APPLICATION)) {
            ApplicationLifecycles application = new ApplicationLifecycles(args[2]);
            application.makeRoom(warmUp + lifecycles);
            measured.put(APPLICATION, application.run(warmUp, lifecycles, clients));
            calls.put("application's API", application.callMicros());
        }
        if (phases.contains(REST)) {
            try (PeerDeployment peer = PeerDeployment.deploy(peerWar, jdbcUrl, args[4], args[5])) {
                RestPeerLifecycles rest = new RestPeerLifecycles(peer.baseUrl());
                measured.put(REST, rest.run(warmUp, lifecycles, clients));
                calls.put("Camunda's REST API (peer)", rest.callMicros());
            }
        }
        if (phases.contains(BARE)) {
            measured.put(BARE, BareEngineLifecycles.run(warmUp, lifecycles, clients, jdbcUrl, args[4], args[5]));
        }
        report(measured, calls, warmUp, clients, jdbcUrl, phaseList, results);
    }

    private static void report(Map<String, LifecycleRun.Phase> phases,
                               Map<String, Map<String, ConcurrentLinkedQueue<Long>>> calls, int warmUp, int clients,
                               String jdbcUrl, String phaseList, Path results) throws IOException {
        int lifecycles = phases.values().iterator().next().lifecycles();
        StringBuilder out = new StringBuilder();
        out.append("\n### Lifecycles, ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.version")).append("\n\n");
        out.append("Command: `./mvnw -pl bench -am -DskipTests -Pbench-lifecycles verify -Dbench.lifecycles=")
                .append(lifecycles).append(" -Dbench.warmup=").append(warmUp)
                .append(" -Dbench.clients=").append(clients).append(phases.size() == 3 ? ""
                        : " -Dbench.phases=" + phaseList)
                .append("` against the application started by `./mvnw package -Prun`, its database ")
                .append(jdbcUrl.replaceAll("\\?.*", "")).append(". ").append(clients).append(" clients, ")
                .append(lifecycles).append(" lifecycles per phase, each after ").append(warmUp)
                .append(" warm-up lifecycles that are not counted.\n\n");
        out.append("| path | lifecycles/s | lifecycle p50 | lifecycle p99 | failed |\n|---|---|---|---|---|\n");
        for (LifecycleRun.Phase phase : phases.values()) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f ms | %.1f ms | %d |%n",
                    phase.name(), phase.perSecond(), phase.p50Micros() / 1000.0, phase.p99Micros() / 1000.0,
                    phase.failures()));
        }
        LifecycleRun.Phase application = phases.get(APPLICATION);
        if (application != null && phases.containsKey(REST)) {
            out.append(String.format(Locale.ROOT, "%nRatio application / Camunda's REST API: %.2f (target ≥ 1.0).%n",
                    application.perSecond() / phases.get(REST).perSecond()));
        }
        if (application != null && phases.containsKey(BARE)) {
            out.append(String.format(Locale.ROOT, "%nRatio application / bare engine: %.2f (target ≥ 0.5).%n",
                    application.perSecond() / phases.get(BARE).perSecond()));
        }
        calls.forEach((api, byKind) -> {
            out.append("\n| ").append(api).append(": call | calls | p50 | p99 |\n|---|---|---|---|\n");
            new TreeMap<>(byKind).forEach((kind, values) -> {
                if (!"setup".equals(kind)) {
                    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
                    out.append(String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms |%n", kind,
                            sorted.length, Percentiles.of(sorted, 50) / 1000.0,
                            Percentiles.of(sorted, 99) / 1000.0));
                }
            });
        });
        out.append('\n');
        System.out.print(out);
        Files.writeString(results, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
