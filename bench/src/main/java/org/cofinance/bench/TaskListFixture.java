package org.cofinance.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.infrastructure.security.PasswordHashing;

/**
 * Fills the running application's database with what an approver's task list looks like in a national programme:
 * {@code organisations} funders, one approver each ({@code bench-approver-NN}, password the same), {@code requests}
 * requests awaiting their funders' decisions, each funded by {@code fundersPerRequest} of them — one open "decide" task
 * per funder (each line on the demo's AMI-TIGA-SUB envelope, which nothing is reserved on: a funder's approvers see
 * the requests they fund, as the application decides). The requests are copies of one the demo holds (same columns, whatever the schema has become), with their
 * own reference, title, territory, theme and plan; their process instances are started by an engine of this process
 * on the application's own tables and process definition, before the funders' decisions, so that the tasks, their
 * candidate groups and variables are exactly what the application's engine writes. Nothing is done when it is there.
 */
final class TaskListFixture {

    static final String ORGANISATION_PREFIX = "Bench funder ";
    static final String TITLE_PREFIX = "Bench task list ";
    static final List<String> TERRITORIES = List.of("Dijon", "Besançon", "Quetigny", "Dole", "Nevers");
    static final List<String> THEMES = List.of("AGRI_FOOD", "ENERGY", "HEALTH", "MOBILITY", "DIGITAL", "SKILLS",
            "HOUSING");

    private final String jdbcUrl;
    private final String user;
    private final String password;

    TaskListFixture(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The ids of the bench's funders, in order; creates them and their approvers when missing. */
    List<Long> funders(int organisations) throws SQLException {
        try (Connection db = connect()) {
            List<Long> ids = funderIds(db);
            if (ids.size() >= organisations) {
                return ids.subList(0, organisations);
            }
            String hash = null;
            try (PreparedStatement organisation = db.prepareStatement(
                    "insert into organisation (name, kind) values (?, 'PRIVATE_INVESTOR')");
                 PreparedStatement approver = db.prepareStatement("insert into app_user (username, password_hash, "
                         + "display_name, organisation_id) values (?, ?, ?, (select id from organisation where name = ?))");
                 PreparedStatement role = db.prepareStatement(
                         "insert into app_user_role (username, role) values (?, 'APPROVER')")) {
                for (int n = ids.size() + 1; n <= organisations; n++) {
                    String name = ORGANISATION_PREFIX + String.format("%02d", n);
                    organisation.setString(1, name);
                    organisation.executeUpdate();
                    String username = approver(n);
                    // the same password for all: hashed once, as the application hashes it
                    hash = hash == null ? PasswordHashing.hash("bench-approver".toCharArray()) : hash;
                    approver.setString(1, username);
                    approver.setString(2, hash);
                    approver.setString(3, "Bench approver " + n);
                    approver.setString(4, name);
                    approver.executeUpdate();
                    role.setString(1, username);
                    role.executeUpdate();
                }
            }
            return funderIds(db);
        }
    }

    static String approver(int n) {
        return "bench-approver-" + String.format("%02d", n);
    }

    private static List<Long> funderIds(Connection db) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "select id from organisation where name like ? order by name")) {
            query.setString(1, ORGANISATION_PREFIX + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Copies a demo request into {@code requests} requests awaiting decisions (when fewer are there), each with a
     * plan of {@code fundersPerRequest} funders of 10,000.00 € each (the whole cost) and its process instance waiting for their decisions.
     */
    void requests(int requests, int fundersPerRequest, List<Long> funders, int threads) throws Exception {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            long present = count(db, "select count(*) from funding_request where title like '" + TITLE_PREFIX + "%'");
            if (present > 0 && present != requests) {
                throw new IllegalStateException(present + " bench requests are there, not " + requests
                        + ": start from a fresh database");
            }
            if (present == 0) {
                copyRequests(db, requests, fundersPerRequest, funders);
                db.commit();
            }
            startDecisions(waitingForTheirDecisions(db), threads);
        }
    }

    private static void copyRequests(Connection db, int requests, int fundersPerRequest, List<Long> funders)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = db.getMetaData().getColumns(null, null, "funding_request", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        Map<String, String> replaced = Map.of(
                "reference", "'BENCH-' || lpad(n::text, 6, '0')",
                "title", "'" + TITLE_PREFIX + "' || n",
                "territory", "(array" + sqlArray(TERRITORIES) + ")[n % " + TERRITORIES.size() + " + 1]",
                "theme", "(array" + sqlArray(THEMES) + ")[n % " + THEMES.size() + " + 1]",
                "status", "'AWAITING_DECISIONS'",
                "eligible_cost", (fundersPerRequest * 10_000) + ".00",
                "process_instance_id", "null");
        List<String> copied = columns.stream().filter(c -> !c.equals("id")).toList();
        String select = String.join(", ", copied.stream().map(c -> replaced.getOrDefault(c, "t." + c)).toList());
        String copy = "insert into funding_request (" + String.join(", ", copied) + ") select " + select
                + " from funding_request t, generate_series(1, " + requests + ") n where t.id = (select min(id) "
                + "from funding_request where title not like '" + TITLE_PREFIX + "%')";
        try (PreparedStatement insert = db.prepareStatement(copy)) {
            insert.executeUpdate();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "select id from funding_request where title like ? order by id")) {
            query.setString(1, TITLE_PREFIX + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        try (PreparedStatement line = db.prepareStatement("insert into plan_line (request_id, position, "
                + "organisation_id, envelope_id, instrument, amount) values (?, ?, ?, (select id from envelope "
                + "where code = 'AMI-TIGA-SUB'), 'SUBSIDY', 10000.00)")) {
            for (int r = 0; r < ids.size(); r++) {
                for (int k = 0; k < fundersPerRequest; k++) {
                    // spread evenly: every funder funds the same number of requests
                    line.setLong(1, ids.get(r));
                    line.setInt(2, k);
                    line.setLong(3, funders.get((r + k * (funders.size() / fundersPerRequest)) % funders.size()));
                    line.addBatch();
                }
                if (r % 500 == 499) {
                    line.executeBatch();
                }
            }
            line.executeBatch();
        }
    }

    /** The bench requests whose decisions are not started yet, with their funders in the plan's order. */
    private static Map<Long, List<Long>> waitingForTheirDecisions(Connection db) throws SQLException {
        Map<Long, List<Long>> fundersOf = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("select l.request_id, l.organisation_id from plan_line l "
                + "join funding_request r on r.id = l.request_id where r.title like ? and r.process_instance_id is null "
                + "order by l.request_id, l.position")) {
            query.setString(1, TITLE_PREFIX + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    fundersOf.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
        }
        return fundersOf;
    }

    private void startDecisions(Map<Long, List<Long>> fundersOf, int threads) throws Exception {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bench-task-list-fixture");
        configuration.setJdbcDriver("org.postgresql.Driver").setJdbcUrl(jdbcUrl).setJdbcUsername(user)
                .setJdbcPassword(password).setJdbcMaxActiveConnections(threads * 2)
                .setDatabaseSchemaUpdate("false").setHistory("full").setJobExecutorActivate(false);
        configuration.setBeans(Map.of(FundingRequestProcess.FUNDING_DECISIONS, new Decisions(fundersOf)));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            RuntimeService runtime = engine.getRuntimeService();
            List<Long> ids = new ArrayList<>(fundersOf.keySet());
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                runs.add(pool.submit(() -> {
                    for (int i = first; i < ids.size(); i += threads) {
                        long id = ids.get(i);
                        String instance = runtime.createProcessInstanceByKey(FundingRequestProcess.KEY)
                                .businessKey("BENCH-" + id)
                                .setVariable(FundingRequestProcess.REQUEST_ID, id)
                                .setVariable(FundingRequestProcess.PROGRAMME_CODE, "AMI-TIGA")
                                .startBeforeActivity("funder-decisions#multiInstanceBody").execute().getId();
                        link(id, instance);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            pool.shutdown();
        } finally {
            engine.close();
        }
    }

    private void link(long request, String instance) throws SQLException {
        try (Connection db = connect();
             PreparedStatement update = db.prepareStatement(
                     "update funding_request set process_instance_id = ? where id = ?")) {
            update.setString(1, instance);
            update.setLong(2, request);
            update.executeUpdate();
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String sqlArray(List<String> values) {
        return "['" + String.join("', '", values) + "']";
    }

    /** What the process asks the application while it starts the decisions: who decides, at which levels. */
    public static final class Decisions {

        private final Map<Long, List<Long>> fundersOf;

        Decisions(Map<Long, List<Long>> fundersOf) {
            this.fundersOf = fundersOf;
        }

        public List<Long> fundersToDecide(Long requestId) {
            return fundersOf.get(requestId);
        }

        public List<String> committeeLevels(Long requestId, Long organisationId, String processDefinitionId) {
            return List.of("INVESTMENT_COMMITTEE");
        }

        public boolean anyRejected(Long requestId) {
            return false;
        }

        public boolean stoppedAt(Long requestId, Long organisationId) {
            return false;
        }
    }
}
