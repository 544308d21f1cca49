package org.cofinance.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task lists at scale: fills the running application's database ({@link TaskListFixture}) with 100,000 open tasks
 * over 50 organisations and 10,000 requests, then measures, one approver after another, what an approver opens every
 * morning — his organisation's unclaimed tasks through the API (plain and filtered by programme), his task board page,
 * the requests his organisation funds — each beside a hand-written SQL query returning the same rows on the same
 * database, and records the plans of those queries. Arguments: API base URL, JDBC URL, user, password, results file,
 * samples per measure; {@code -Dbench.organisations}, {@code -Dbench.requests}, {@code -Dbench.funders} change the
 * fixture's size.
 */
public final class TaskListBenchmark {

    private static final int ORGANISATIONS = Integer.getInteger("bench.organisations", 50);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 10_000);
    private static final int FUNDERS_PER_REQUEST = Integer.getInteger("bench.funders", 10);
    /**
     * Rounds not counted first: on 2 cores the server's JIT compiler takes one core for minutes after a start (its C2
     * thread at 100 %), so that a server measured at once is measured while it compiles.
     */
    private static final int WARM_UP = Integer.getInteger("bench.warmup.samples", 150);

    private static final String TASKS_SQL = """
            select t.id_, t.name_, t.task_def_key_, t.create_time_, t.due_date_, t.assignee_, r.id, r.reference
            from (select t.* from act_ru_task t
                  join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = ?
                  where t.assignee_ is null %s
                  order by t.due_date_, t.create_time_ limit 20) t
            join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.name_ = 'requestId'
            join funding_request r on r.id = v.long_
            order by t.due_date_, t.create_time_""";
    private static final String TASKS_COUNT_SQL = """
            select count(*) from act_ru_task t
            join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = ?
            where t.assignee_ is null %s""";
    private static final String PROGRAMME_FILTER = """
            and exists (select 1 from act_ru_variable p where p.execution_id_ = t.proc_inst_id_
                        and p.name_ = 'programmeCode' and p.text_ = 'AMI-TIGA')""";
    private static final String ENGINE_PROGRAMME_COUNT_SQL = """
            SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES
            left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
            WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate'
            and ( I.GROUP_ID_ IN ( ? ) ) ) and EXISTS ( select ID_ from ACT_RU_VARIABLE WHERE NAME_= 'programmeCode'
            and TASK_ID_ is null and RES.PROC_INST_ID_ = PROC_INST_ID_ and ( ( TYPE_ is not null and TYPE_ = 'string'
            and TEXT_ is not null and TEXT_ = 'AMI-TIGA' ) ) ) ) ) countDistinct""";
    /** The tasks a user sees on his board: his own, and his group's unclaimed ones. */
    private static final String VISIBLE_SQL = """
            select t.* from act_ru_task t where t.assignee_ = ? or t.owner_ = ?
            union
            select t.* from act_ru_task t
            join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = ?
            where t.assignee_ is null""";
    private static final String BOARD_SQL = """
            select t.id_, t.name_, t.task_def_key_, t.create_time_, t.due_date_, t.assignee_, t.owner_, r.id,
                   r.reference, r.title, r.territory, r.theme, o.id, o.name,
                   (select sum(l.amount) from plan_line l where l.request_id = r.id and l.organisation_id = o.id)
            from (select t.* from (%s) t order by t.due_date_, t.create_time_ limit 50) t
            join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.name_ = 'requestId'
            join funding_request r on r.id = v.long_
            join organisation o on o.id = ?
            order by t.due_date_, t.create_time_""".formatted(VISIBLE_SQL);
    /** The board's three counts in one reading: the user's own tasks, his group's unclaimed ones, all he sees. */
    private static final String BOARD_COUNTS_SQL = """
            select count(*) filter (where t.assignee_ = ? or t.owner_ = ?),
                   count(*) filter (where t.assignee_ is null and exists (select 1 from act_ru_identitylink i
                                    where i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = ?)),
                   count(*)
            from (%s) t""".formatted(VISIBLE_SQL);
    /** An approver's unclaimed tasks of housing requests where his organisation puts 5,000 € or more. */
    private static final String OFFERED_HOUSING = """
            with offered as materialized (
                select t.id_, t.name_, t.task_def_key_, t.create_time_, t.due_date_, t.assignee_, t.proc_inst_id_
                from act_ru_task t
                join act_ru_identitylink i on i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ = ?
                where t.assignee_ is null)
            select t.id_, t.name_, t.task_def_key_, t.create_time_, t.due_date_, t.assignee_, r.id, r.reference
            from offered t
            join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.name_ = 'requestId'
            join funding_request r on r.id = v.long_ and r.theme = 'HOUSING'
            where (select sum(l.amount) from plan_line l where l.request_id = r.id and l.organisation_id = ?
                   and l.envelope_id is not null) >= 5000""";
    private static final String THEME_AMOUNT_SQL = OFFERED_HOUSING + " order by t.due_date_, t.create_time_ limit 20";
    private static final String THEME_AMOUNT_COUNT_SQL = "select count(*) from (" + OFFERED_HOUSING + ") found";
    private static final String REQUESTS_SQL = """
            select r.id, r.reference, r.title, r.territory, r.theme, r.status, r.eligible_cost from funding_request r
            where r.status = 'AWAITING_DECISIONS' and (exists (select 1 from plan_line l where l.request_id = r.id
              and l.envelope_id is not null and l.organisation_id = ?) or r.lead_organisation_id = ?)
            order by r.id desc limit 20""";
    private static final String REQUESTS_COUNT_SQL = """
            select count(*) from funding_request r
            where r.status = 'AWAITING_DECISIONS' and (exists (select 1 from plan_line l where l.request_id = r.id
              and l.envelope_id is not null and l.organisation_id = ?) or r.lead_organisation_id = ?)""";

    private TaskListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String api = args[0];
        TaskListFixture fixture = new TaskListFixture(args[1], args[2], args[3]);
        Path results = Path.of(args[4]);
        int samples = Integer.parseInt(args[5]);

        long seeding = System.nanoTime();
        List<Long> funders = fixture.funders(ORGANISATIONS);
        fixture.requests(REQUESTS, FUNDERS_PER_REQUEST, funders, 4);
        long seeded = System.nanoTime() - seeding;
        String site = api.replaceAll("/api/?$", "");

        Map<String, Measure> measures = new LinkedHashMap<>();
        List<Session> sessions = new ArrayList<>();
        for (int n = 1; n <= ORGANISATIONS; n++) {
            sessions.add(new Session(site, TaskListFixture.approver(n), "bench-approver", funders.get(n - 1)));
        }
        try (Connection db = fixture.connect()) {
            analyze(db);
            // the planner's cost of a random read, as the application's connections set it (configure-server.cli)
            try (PreparedStatement same = db.prepareStatement("select set_config('random_page_cost', '1.1', false)")) {
                same.execute();
            }
            // each approver's first call checks his password (once, then his identity is cached) and signs him in to
            // the pages: timed apart, so that the lists are measured as an approver meets them all day
            List<Long> firstCalls = new ArrayList<>();
            for (Session approver : sessions) {
                long start = System.nanoTime();
                approver.api("/tasks?assignee=none&size=20");
                firstCalls.add((System.nanoTime() - start) / 1000);
                approver.signIn();
            }
            for (int i = -WARM_UP; i < samples; i++) {
                Session approver = sessions.get(Math.floorMod(i, sessions.size()));
                boolean counted = i >= 0;
                String group = "approvers-" + approver.organisation;
                measure(measures, counted, "GET /tasks?assignee=none", () -> approver.api("/tasks?assignee=none&size=20"),
                        () -> sql(db, TASKS_SQL.formatted(""), group) + sql(db, TASKS_COUNT_SQL.formatted(""), group));
                measure(measures, counted, "GET /tasks?assignee=none&programme=AMI-TIGA",
                        () -> approver.api("/tasks?assignee=none&programme=AMI-TIGA&size=20"),
                        () -> sql(db, TASKS_SQL.formatted(PROGRAMME_FILTER), group)
                                + sql(db, TASKS_COUNT_SQL.formatted(PROGRAMME_FILTER), group));
                // each approver's tasks are of one territory (the fixture's funders and territories follow the same
                // cycle) but of every theme: a seventh of them are housing
                measure(measures, counted, "GET /tasks?assignee=none&theme=HOUSING&minAmount=5000",
                        () -> approver.api("/tasks?assignee=none&theme=HOUSING&minAmount=5000&size=20"),
                        () -> sql(db, THEME_AMOUNT_SQL, group, approver.organisation)
                                + sql(db, THEME_AMOUNT_COUNT_SQL, group, approver.organisation));
                String user = approver.username;
                measure(measures, counted, "task board page (/app/tasks.xhtml)", () -> approver.page("/app/tasks.xhtml"),
                        () -> sql(db, BOARD_SQL, user, user, group, approver.organisation)
                                + sql(db, BOARD_COUNTS_SQL, user, user, group, user, user, group));
                measure(measures, counted, "GET /requests?status=AWAITING_DECISIONS",
                        () -> approver.api("/requests?status=AWAITING_DECISIONS&size=20"),
                        () -> sql(db, REQUESTS_SQL, approver.organisation, approver.organisation)
                                + sql(db, REQUESTS_COUNT_SQL, approver.organisation, approver.organisation));
            }
            report(db, measures, firstCalls, funders.get(0), samples, seeded, args[1], results);
        }
    }

    private static void analyze(Connection db) throws SQLException {
        try (PreparedStatement analyze = db.prepareStatement("analyze")) {
            analyze.execute();
        }
    }

    @FunctionalInterface
    private interface Timed {
        int run() throws Exception;
    }

    private static final class Measure {
        final List<Long> applicationMicros = new ArrayList<>();
        final List<Long> sqlMicros = new ArrayList<>();
        int rows;
    }

    private static void measure(Map<String, Measure> measures, boolean counted, String name, Timed application,
                                Timed sql) throws Exception {
        Measure measure = measures.computeIfAbsent(name, n -> new Measure());
        // whichever runs second finds the approver's pages in the database's cache: each goes first in turn
        boolean sqlFirst = measure.applicationMicros.size() % 2 == 1;
        long sqlMicros = sqlFirst ? micros(sql, measure) : 0;
        long applicationMicros = micros(() -> {
            application.run();
            return 0;
        }, null);
        if (!sqlFirst) {
            sqlMicros = micros(sql, measure);
        }
        if (counted) {
            measure.applicationMicros.add(applicationMicros);
            measure.sqlMicros.add(sqlMicros);
        }
    }

    /** Runs and times a call; the rows it read are kept in {@code measure} when given. */
    private static long micros(Timed call, Measure measure) throws Exception {
        long start = System.nanoTime();
        int rows = call.run();
        long took = (System.nanoTime() - start) / 1000;
        if (measure != null) {
            measure.rows = rows;
        }
        return took;
    }

    /** Runs a query to its last row; returns the rows read. */
    private static int sql(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                query.setObject(p + 1, parameters[p]);
            }
            int rows = 0;
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /** One approver signed in twice: with his credentials on each API call, and in a page session of his own. */
    private static final class Session {
        private static final Pattern HIDDEN = Pattern.compile(
                "<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"");
        private final String site;
        private final String authorization;
        private final long organisation;
        private final HttpClient pages;
        private final HttpClient calls = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final String username;
        private final String password;
        private boolean signedIn;

        Session(String site, String username, String password, long organisation) {
            this.site = site;
            this.username = username;
            this.password = password;
            this.organisation = organisation;
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            this.pages = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        }

        int api(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = calls.send(HttpRequest.newBuilder(URI.create(site + "/api" + path))
                    .header("Authorization", authorization).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return expectOk(path, response);
        }

        int page(String path) throws IOException, InterruptedException {
            if (!signedIn) {
                signIn();
            }
            HttpResponse<String> response = pages.send(HttpRequest.newBuilder(URI.create(site + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!response.body().contains("signed-in-user")) {
                throw new IllegalStateException(username + " is not signed in on " + path);
            }
            return expectOk(path, response);
        }

        private void signIn() throws IOException, InterruptedException {
            HttpResponse<String> login = pages.send(HttpRequest.newBuilder(URI.create(site + "/login.xhtml")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            StringBuilder form = new StringBuilder();
            Matcher hidden = HIDDEN.matcher(login.body());
            while (hidden.find()) {
                form.append(encode(hidden.group(1))).append('=').append(encode(hidden.group(2))).append('&');
            }
            form.append("login%3Ausername=").append(encode(username)).append("&login%3Apassword=")
                    .append(encode(password)).append("&login%3Asign-in=").append(encode("sign in"));
            HttpResponse<String> answer = pages.send(HttpRequest.newBuilder(URI.create(site + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", URI.create(site).resolve("/").toString().replaceAll("/$", ""))
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!answer.body().contains("signed-in-user")) {
                throw new IllegalStateException(username + " could not sign in: " + answer.statusCode());
            }
            signedIn = true;
        }

        private static String encode(String text) {
            return URLEncoder.encode(text.replace("&#58;", ":"), StandardCharsets.UTF_8);
        }

        private static int expectOk(String path, HttpResponse<String> response) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().length();
        }
    }

    private static long percentile(List<Long> micros, double p) {
        List<Long> sorted = micros.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static void report(Connection db, Map<String, Measure> measures, List<Long> firstCalls, long organisation,
                               int samples, long seededNanos, String jdbcUrl, Path results)
            throws IOException, SQLException {
        StringBuilder out = new StringBuilder();
        out.append("\n### Task lists at scale, ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.version")).append("\n\n");
        long tasks = TaskListFixture.count(db, "select count(*) from act_ru_task");
        out.append("Command: `./mvnw -pl bench -am -DskipTests -Pbench-tasks verify -Dbench.samples=").append(samples)
                .append("` against the application started by `./mvnw package -Prun`, its database ")
                .append(jdbcUrl.replaceAll("\\?.*", "")).append(String.format(Locale.ROOT,
                        ". Fixture: %,d open tasks, %d funders with one approver each, %,d bench requests of %d "
                                + "funders each (each approver is offered %,d tasks), filled in %.0f s. One client; "
                                + "%d samples per measure, the approvers in turn, after %d rounds of them all not counted; beside each "
                                + "call the hand-written SQL returning the same rows (page and counts) on the same "
                                + "database, same run, with the application's planner setting (random_page_cost 1.1), "
                                + "each of the two going first in turn. Before the measures, each approver's first call "
                                + "(GET /tasks?assignee=none, his password checked once): p50 %.1f ms, p95 %.1f ms; "
                                + "then each signs in to the pages.%n%n",
                        tasks, ORGANISATIONS, REQUESTS, FUNDERS_PER_REQUEST,
                        REQUESTS * FUNDERS_PER_REQUEST / ORGANISATIONS, seededNanos / 1e9, samples, WARM_UP,
                        percentile(firstCalls, 0.5) / 1000.0, percentile(firstCalls, 0.95) / 1000.0));
        out.append("| measure | application p50 | application p95 | hand SQL p50 | hand SQL p95 | ratio p95 | "
                + "p95 ≤ 50 ms | ≤ 2 × SQL |\n|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Measure> entry : measures.entrySet()) {
            Measure m = entry.getValue();
            long app95 = percentile(m.applicationMicros, 0.95);
            long sql95 = percentile(m.sqlMicros, 0.95);
            out.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f | %s | %s |%n",
                    entry.getKey(), percentile(m.applicationMicros, 0.5) / 1000.0, app95 / 1000.0,
                    percentile(m.sqlMicros, 0.5) / 1000.0, sql95 / 1000.0, (double) app95 / Math.max(1, sql95),
                    app95 <= 50_000 ? "met" : "**not met**", app95 <= 2 * sql95 ? "met" : "**not met**"));
        }
        out.append("\nPlans (`explain (analyze, buffers, timing off)`: per-node clocks cost more than the nodes on this "
                + "machine) for the first funder's approvers: the hand-written queries, and the engine's own count of "
                + "the unclaimed tasks of a programme (its SQL as it logs it):\n");
        String group = "approvers-" + organisation;
        Map<String, Object[]> plans = new LinkedHashMap<>();
        plans.put("unclaimed tasks, page", new Object[] {TASKS_SQL.formatted(""), group});
        plans.put("unclaimed tasks, count", new Object[] {TASKS_COUNT_SQL.formatted(""), group});
        String user = TaskListFixture.approver(1);
        plans.put("task board, page", new Object[] {BOARD_SQL, user, user, group, organisation});
        plans.put("task board, its three counts",
                new Object[] {BOARD_COUNTS_SQL, user, user, group, user, user, group});
        plans.put("unclaimed tasks of a theme above an amount, page",
                new Object[] {THEME_AMOUNT_SQL, group, organisation});
        plans.put("requests funded, page", new Object[] {REQUESTS_SQL, organisation, organisation});
        plans.put("the engine's count, programme filter", new Object[] {ENGINE_PROGRAMME_COUNT_SQL, group});
        for (Map.Entry<String, Object[]> plan : plans.entrySet()) {
            out.append("\n").append(plan.getKey()).append(":\n\n```\n");
            Object[] query = plan.getValue();
            try (PreparedStatement explain = db.prepareStatement("explain (analyze, buffers, timing off) " + query[0])) {
                for (int p = 1; p < query.length; p++) {
                    explain.setObject(p, query[p]);
                }
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        out.append(lines.getString(1)).append('\n');
                    }
                }
            }
            out.append("```\n");
        }
        out.append('\n');
        System.out.print(out);
        Files.writeString(results, out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
