package org.cofinance.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cofinance.infrastructure.persistence.DatabaseMigration;

/**
 * Reservations per second and latency with many clients hammering one envelope: first through the application's
 * ledger service (Hibernate ORM, the same entities and the same locking as in the server), then through raw JDBC
 * doing the same conditional UPDATE plus INSERT one reservation per transaction, then through raw JDBC batched the
 * way the application batches ({@link RawBatchedLedger}: the limit of this design on PostgreSQL). Checks the invariants after each phase and appends the figures to
 * docs/benchmarks.md. Arguments: operations per phase, clients, results file, rounds (optional, default 1: the
 * application and the batched raw path measured again, on fresh envelopes, for the spread of their ratio).
 */
public final class LedgerBenchmark {

    private static final long MAX_AMOUNT_CENTS = 100_000;

    private LedgerBenchmark() {
    }

    record Result(String name, int operations, int accepted, double seconds, long p50Micros, long p99Micros,
                  int violations) {
        double perSecond() {
            return operations / seconds;
        }
    }

    /** The application and the batched raw path measured one after the other, on envelopes of their own. */
    record Round(Result application, Result batched) {
        double ratio() {
            return application.perSecond() / batched.perSecond();
        }
    }

    @FunctionalInterface
    interface Operation {
        /** @return whether the reservation was accepted */
        boolean reserve(int index, long cents) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int operations = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        Path results = Path.of(args[2]);
        int roundCount = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (roundCount < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, not " + roundCount);
        }
        String url = System.getenv("COFINANCE_DB_URL");
        EmbeddedPostgres embedded = null;
        String user = System.getenv().getOrDefault("COFINANCE_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("COFINANCE_DB_PASSWORD", "postgres");
        if (url == null || url.isBlank()) {
            // durable, as a production database: every commit waits for the disk
            embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
            url = embedded.getJdbcUrl("postgres", "postgres").replaceAll("\\?.*$", "");
            user = "postgres";
        }
        try (HikariDataSource pool = pool(url, user, password, clients)) {
            DatabaseMigration.migrate(pool, user);
            long ceilingCents = operations * (MAX_AMOUNT_CENTS / 2) * 9 / 10;
            LedgerFixture first = LedgerFixture.create(pool, ceilingCents);
            EntityManagerFactory jpa = Persistence.createEntityManagerFactory("bench", Map.of(
                    "jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", user,
                    "jakarta.persistence.jdbc.password", password, "hibernate.hikari.maximumPoolSize",
                    String.valueOf(clients)));
            ApplicationLedger ledger = new ApplicationLedger(jpa);
            RawBatchedLedger rawBatched = new RawBatchedLedger(pool);
            List<Round> rounds = new ArrayList<>();
            Result raw = null;
            for (int r = 1; r <= roundCount; r++) {
                // each round on envelopes of its own, the application and the batched raw path one after the other
                LedgerFixture fixture = r == 1 ? first : LedgerFixture.create(pool, ceilingCents);
                Result application = run("application ledger service", operations, clients, fixture.appEnvelope(),
                        pool, ceilingCents, (i, cents) -> ledger.reserve(fixture, i, cents));
                if (r == 1) {
                    raw = run("raw JDBC conditional UPDATE + INSERT", operations, clients, fixture.rawEnvelope(),
                            pool, ceilingCents, (i, cents) -> reserveRaw(pool, fixture, i, cents));
                }
                Result batched = run("raw JDBC, batched as the application (one transaction and one lock per batch)",
                        operations, clients, fixture.batchedEnvelope(), pool, ceilingCents,
                        (i, cents) -> rawBatched.reserve(fixture, i, cents));
                rounds.add(new Round(application, batched));
            }
            String batching = ledger.batching() + " " + rawBatched.batching();
            System.out.println(batching);
            jpa.close();
            report(results, operations, clients, rounds, raw, batching);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int clients) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(clients);
        return new HikariDataSource(config);
    }

    private static boolean reserveRaw(DataSource pool, LedgerFixture fixture, int i, long cents) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            java.math.BigDecimal amount = java.math.BigDecimal.valueOf(cents, 2);
            try (PreparedStatement update = connection.prepareStatement("update envelope set reserved = reserved + ? "
                    + "where id = ? and reserved + committed + ? <= ceiling")) {
                update.setBigDecimal(1, amount);
                update.setLong(2, fixture.rawEnvelope());
                update.setBigDecimal(3, amount);
                if (update.executeUpdate() == 0) {
                    connection.rollback();
                    return false;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into ledger_entry (envelope_id, "
                    + "request_id, kind, amount, at, author, idempotency_key) values (?, ?, 'RESERVE', ?, now(), "
                    + "'bench', ?)")) {
                insert.setLong(1, fixture.rawEnvelope());
                insert.setLong(2, fixture.request());
                insert.setBigDecimal(3, amount);
                insert.setString(4, "bench:raw:" + fixture.run() + ":" + i);
                insert.executeUpdate();
            }
            connection.commit();
            return true;
        }
    }

    private static Result run(String name, int operations, int clients, long envelope, DataSource pool,
                              long ceilingCents, Operation operation) throws Exception {
        warmUp(operation, operations);
        AtomicInteger next = new AtomicInteger();
        AtomicLong acceptedCents = new AtomicLong();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long[][] latencies = new long[clients][];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(client);
                long[] mine = new long[operations / clients + 2];
                int count = 0;
                try {
                    start.await();
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        long cents = random.nextLong(100, MAX_AMOUNT_CENTS + 1);
                        long begin = System.nanoTime();
                        if (operation.reserve(i, cents)) {
                            acceptedCents.addAndGet(cents);
                            accepted.incrementAndGet();
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = (System.nanoTime() - begin) / 1000;
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                }
                latencies[client] = Arrays.copyOf(mine, count);
            });
            threads.add(thread);
            thread.start();
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int violations = failures.get() + violations(pool, envelope, acceptedCents.get(), ceilingCents);
        Result result = new Result(name, operations, accepted.get(), seconds, Percentiles.of(all, 50),
                Percentiles.of(all, 99), violations);
        System.out.printf("%s: %,.0f reservations/s, p50 %d µs, p99 %d µs, %d accepted, %d violations%n", name,
                result.perSecond(), result.p50Micros(), result.p99Micros(), result.accepted(), violations);
        return result;
    }

    /** A few operations on a throw-away index range, so that classes are loaded and the JIT has started. */
    private static void warmUp(Operation operation, int operations) throws Exception {
        for (int i = 0; i < Math.min(500, operations / 100); i++) {
            operation.reserve(-1 - i, 100);
        }
    }

    /**
     * The envelope's balance equals what the clients saw accepted and what its entries add up to, within its
     * ceiling.
     */
    private static int violations(DataSource pool, long envelope, long acceptedCents, long ceilingCents)
            throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement query = connection.prepareStatement("select e.reserved, e.ceiling, "
                     + "(select coalesce(sum(amount), 0) from ledger_entry l where l.envelope_id = e.id "
                     + "and l.kind = 'RESERVE' and l.idempotency_key not like '%:-%') as entries, "
                     + "(select coalesce(sum(amount), 0) from ledger_entry l where l.envelope_id = e.id "
                     + "and l.kind = 'RESERVE' and l.idempotency_key like '%:-%') as warm "
                     + "from envelope e where e.id = ?")) {
            query.setLong(1, envelope);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long reserved = rs.getBigDecimal(1).movePointRight(2).longValueExact();
                long ceiling = rs.getBigDecimal(2).movePointRight(2).longValueExact();
                long entries = rs.getBigDecimal(3).movePointRight(2).longValueExact();
                long warm = rs.getBigDecimal(4).movePointRight(2).longValueExact();
                int violations = 0;
                violations += reserved > ceiling ? 1 : 0;
                violations += reserved - warm != acceptedCents ? 1 : 0;
                violations += entries != acceptedCents ? 1 : 0;
                violations += ceiling != ceilingCents ? 1 : 0;
                return violations;
            }
        }
    }



    private static void report(Path file, int operations, int clients, List<Round> rounds, Result raw,
                               String batching) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        StringBuilder md = new StringBuilder();
        md.append("\n### Ledger reservations, ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu).append("), ")
                .append(System.getProperty("java.version")).append("\n\n")
                .append("Command: `./mvnw -pl bench -am -DskipTests -Pbench verify -Dbench.ops=").append(operations)
                .append(" -Dbench.clients=").append(clients).append(" -Dbench.rounds=").append(rounds.size())
                .append("` (embedded durable PostgreSQL unless COFINANCE_DB_URL is set).")
                .append(" One envelope per phase, ").append(clients).append(" clients, ").append(operations)
                .append(" reservations per phase, amounts 1 € to 1,000 €, ceiling at 90 % of their expected sum; ")
                .append(rounds.size()).append(rounds.size() == 1 ? " round" : " rounds")
                .append(" of the application then the batched raw path, the one-per-transaction path once.\n\n")
                .append("| round | path | reservations/s | p50 | p99 | accepted | invariant violations |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (int r = 0; r < rounds.size(); r++) {
            List<Result> phases = r == 0 ? List.of(rounds.get(r).application(), raw, rounds.get(r).batched())
                    : List.of(rounds.get(r).application(), rounds.get(r).batched());
            for (Result p : phases) {
                md.append(String.format("| %d | %s | %,.0f | %.2f ms | %.2f ms | %,d | %d |%n", r + 1, p.name(),
                        p.perSecond(), p.p50Micros() / 1000.0, p.p99Micros() / 1000.0, p.accepted(),
                        p.violations()));
            }
        }
        md.append("\n").append(batching).append("\n");
        double[] ratios = rounds.stream().mapToDouble(Round::ratio).sorted().toArray();
        long[] p99s = rounds.stream().mapToLong(r -> r.application().p99Micros()).sorted().toArray();
        int violations = raw.violations() + rounds.stream()
                .mapToInt(r -> r.application().violations() + r.batched().violations()).sum();
        md.append(String.format("%nRatio application / raw one-per-transaction (round 1): %.2f. Ratio application / "
                        + "raw batched: median %.2f, %.2f to %.2f over %d rounds (target ≥ 0.8); application p99: "
                        + "median %.1f ms, %.1f to %.1f ms (target ≤ 50 ms); violations %d over %,d operations "
                        + "(target 0).%n",
                rounds.get(0).application().perSecond() / raw.perSecond(), ratios[ratios.length / 2], ratios[0],
                ratios[ratios.length - 1], rounds.size(), p99s[p99s.length / 2] / 1000.0, p99s[0] / 1000.0,
                p99s[p99s.length - 1] / 1000.0, violations, (long) operations * (2L * rounds.size() + 1)));
        Files.writeString(file, md.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(md);
    }
}
