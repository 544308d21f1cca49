package org.cofinance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

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

    private LifecycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lifecycles = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        ApplicationLifecycles application = new ApplicationLifecycles(args[2]);
        String jdbcUrl = args[3];
        Path results = Path.of(args[6]);
        int warmUp = Integer.parseInt(args[7]);

        List<String> phases = List.of(System.getProperty("bench.phases", "application,bare").split(","));

        List<LifecycleRun.Phase> measured = new ArrayList<>();
        if (phases.contains("application")) {
            application.makeRoom(warmUp + lifecycles);
            measured.add(application.run(warmUp, lifecycles, clients));
        }
        if (phases.contains("bare")) {
            measured.add(BareEngineLifecycles.run(warmUp, lifecycles, clients, jdbcUrl, args[4], args[5]));
        }
        report(measured, application.callMicros(), warmUp, clients, jdbcUrl, results);
    }

    private static void report(List<LifecycleRun.Phase> phases, Map<String, ConcurrentLinkedQueue<Long>> callMicros,
                               int warmUp, int clients, String jdbcUrl, Path results)
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
        for (LifecycleRun.Phase phase : phases) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f ms | %.1f ms | %d |%n",
                    phase.name(), phase.perSecond(), phase.p50Micros() / 1000.0, phase.p99Micros() / 1000.0,
                    phase.failures()));
        }
        if (phases.size() == 2) {
            out.append(String.format(Locale.ROOT,
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
                out.append(String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms |%n", kind,
                        sorted.length, Percentiles.of(sorted, 50) / 1000.0, Percentiles.of(sorted, 99) / 1000.0));
            }
        });
        System.out.print(out);
        Files.writeString(results, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
