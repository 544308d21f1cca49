package org.cofinance.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportFormat;
import org.cofinance.reports.ReportRenderer;
import org.cofinance.reports.ReportRows;

/**
 * The commitments register over many rows: time to CSV, XLSX and PDF with the application's renderer, and the heap
 * growth while each is produced (peak heap in use, sampled, minus the heap in use before it started), over several
 * runs per format: the median and the slowest run are both reported. Appends the figures to docs/benchmarks.md.
 * Arguments: rows, results file, runs.
 */
public final class ReportBenchmark {

    private static final String[] TERRITORIES = {"Dijon", "Besançon", "Lyon", "Nantes", "Lille", "Grenoble"};
    private static final String[][] FUNDERS = {{"Caisse des Dépôts", "CDC", "true"},
        {"Fonds Résidence Chercheurs 300", "PRIVATE_INVESTOR", "false"}, {"Région BFC", "REGION", "true"},
        {"Agrinova SAS", "COMPANY", "false"}};

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path results = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ReportRenderer renderer = new ReportRenderer();
        StringBuilder md = new StringBuilder();
        md.append("\n### Commitments register, ").append(String.format("%,d", count)).append(" rows, ")
                .append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, max heap ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MB, ")
                .append(runs).append(" runs per format\n\n")
                .append("Command: `./mvnw -pl bench -am -DskipTests -Pbench-reports verify -Dbench.rows=")
                .append(count).append(" -Dbench.runs=").append(runs).append("`.\n\n")
                .append("| format | median seconds | slowest run | largest heap growth | size |\n|---|---|---|---|---|\n");
        for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.XLSX, ReportFormat.PDF)) {
            try (ReportRows warmUp = rows(100)) {
                renderer.render(ReportDefinition.COMMITMENTS, warmUp, format, Locale.FRANCE, "", ZonedDateTime.now(),
                        Map.of(), OutputStream.nullOutputStream(), done -> { });
            }
            double[] seconds = new double[runs];
            long growth = 0;
            long size = 0;
            for (int run = 0; run < runs; run++) {
                Measure measure = new Measure();
                CountingStream out = new CountingStream();
                measure.start();
                long start = System.nanoTime();
                try (ReportRows rows = rows(count)) {
                    renderer.render(ReportDefinition.COMMITMENTS, rows, format, Locale.FRANCE, "",
                            ZonedDateTime.now(ZoneId.of("Europe/Paris")), Map.of(), out, done -> { });
                }
                seconds[run] = (System.nanoTime() - start) / 1e9;
                growth = Math.max(growth, measure.finish());
                size = out.bytes.get();
                System.out.printf("%s run %d: %.1f s%n", format, run + 1, seconds[run]);
            }
            Arrays.sort(seconds);
            md.append(String.format("| %s | %.1f | %.1f | %d MB | %,d KB |%n", format, seconds[runs / 2],
                    seconds[runs - 1], growth >> 20, size >> 10));
        }
        md.append("\nTargets on 2 cores: CSV ≤ 2 s, XLSX ≤ 15 s, PDF ≤ 20 s, heap growth ≤ 256 MB.\n");
        Files.writeString(results, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(md);
    }

    /**
     * The rows as the application's read model gives them: generated one at a time as the renderer reads them, as a
     * database cursor would, already ordered by territory; the same rows on every run.
     */
    private static ReportRows rows(int count) {
        return ReportRows.streamed(count, IntStream.range(0, count).mapToObj(i -> {
            SplittableRandom random = new SplittableRandom(7L * 1_000_003L + i);
            String[] funder = FUNDERS[random.nextInt(FUNDERS.length)];
            Map<String, Object> row = new HashMap<>();
            row.put("reference", String.format("CF-2026-%06d", i / 3));
            row.put("territory", TERRITORIES[(int) ((long) i * TERRITORIES.length / count)]);
            row.put("funder", funder[0]);
            row.put("funderKind", funder[1]);
            row.put("publicMoney", Boolean.parseBoolean(funder[2]));
            row.put("instrument", "SUBSIDY");
            row.put("envelope", "AMI-TIGA-SUB");
            row.put("status", "COMMITTED");
            row.put("amount", BigDecimal.valueOf(random.nextLong(100_000, 500_000_000), 2));
            row.put("disbursed", BigDecimal.ZERO.setScale(2));
            return row;
        }));
    }

    /** Samples the heap in use every 20 ms; the growth is the peak minus what was in use at the start. */
    private static final class Measure {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong peak = new AtomicLong();
        private long baseline;

        void start() {
            System.gc();
            baseline = memory.getHeapMemoryUsage().getUsed();
            peak.set(baseline);
            sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 20, TimeUnit.MILLISECONDS);
        }

        long finish() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(1, TimeUnit.SECONDS);
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            return Math.max(0, peak.get() - baseline);
        }
    }

    private static final class CountingStream extends OutputStream {
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void write(int b) {
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            bytes.addAndGet(len);
        }
    }
}
