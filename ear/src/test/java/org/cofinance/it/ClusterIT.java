package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.devserver.Cluster;
import org.cofinance.devserver.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Two nodes of the application behind HAProxy, as the README's cluster command starts them, on a database of their
 * own started empty: one of them is killed ({@code kill -9}) while full lifecycles run through the balancer and a
 * signed-in officer is typing a request on the pages. Every lifecycle ends approved, each commitment exists once, the
 * ledger reconciles, every mail is sent, the officer's session and form are served by the survivor; the dead node's
 * jobs are taken again, and the node, started again, rejoins.
 */
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Clear of the tests' own server, of the production profile's, of Keycloak and of an application on 8080. */
    private static final int BALANCER = 8970 + TestPorts.offset();
    private static final List<Integer> NODE_OFFSETS = List.of(1000 + TestPorts.offset(), 1050 + TestPorts.offset());
    private static final int LIFECYCLES = 12;
    private static final int CLIENTS = 4;
    private static final String TYPED_TITLE = "Tiers-lieu du plateau – typed before the failover";

    private static Database database;
    private static GreenMail mail;
    private static Cluster cluster;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void startTheCluster() throws Exception {
        database = Database.embedded(null, 0, "cofinance_cluster");
        int smtp;
        try (ServerSocket free = new ServerSocket(0)) {
            smtp = free.getLocalPort();
        }
        mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        List<String> properties = new ArrayList<>(List.of(database.serverProperties()));
        properties.addAll(List.of("-Dcofinance.demo=true", "-Dcofinance.smtp.host=127.0.0.1",
                "-Dcofinance.smtp.port=" + smtp, "-Dcofinance.smtp.timeout=2000"));
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        cluster = new Cluster(new Cluster.Settings(jbossHome, Path.of(System.getProperty("cofinance.ear")), BALANCER,
                NODE_OFFSETS, properties, jbossHome.resolveSibling("cofinance-cluster-it"), false));
        cluster.start(Duration.ofMinutes(5));
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldLoseNeitherADecisionNorAEuroNorASessionWhenANodeIsKilled() throws Exception {
        // given two nodes started together on an empty database, which loaded the demo once and made one cleanup job
        assertThat(count("select count(*) from organisation where name like 'Caisse des Dépôts%'")).isEqualTo(1);
        assertThat(count("select count(*) from (select title from funding_request group by title having count(*) > 1)"
                + " twice")).isZero();
        assertThat(count("select count(*) from act_ru_job where handler_type_ = 'history-cleanup'")).isEqualTo(1);
        assertThat(Set.of(health(null).get("node").asText(), health(null).get("node").asText()))
                .as("the balancer sends calls to both nodes").hasSize(2);

        // and an officer signed in on the pages, halfway through a new request
        try (Browser officer = new Browser("cluster-officer", cluster.url())) {
            officer.signIn("officer");
            officer.clickAndWait(By.id("requests:new-request"));
            typeTheRequest(officer);
            String sessionNode = officer.cookie("COFINANCE_NODE").orElseThrow();
            Cluster.Node victim = cluster.node(sessionNode);
            Cluster.Node survivor = cluster.nodes().stream().filter(n -> n != victim).findFirst().orElseThrow();
            long victimPid = victim.jvm().pid();
            assertThat(health("admin").get("pid").asLong()).as("an administrator is told the process id")
                    .isIn(victimPid, survivor.jvm().pid());

            // when lifecycles run through the balancer with four clients, and that node is killed in their midst
            Lifecycles lifecycles = new Lifecycles(organisations());
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Long>> runs = new ArrayList<>();
            for (int i = 0; i < LIFECYCLES; i++) {
                int index = i;
                runs.add(clients.submit(() -> lifecycles.run(index)));
            }
            patiently(Duration.ofMinutes(3)).until(() -> lifecycles.approved.size() >= 3);
            // (at a moment the node holds a job, if it comes within half a minute)
            try {
                patiently(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !jobsHeldBy(victim.name()).isEmpty());
            } catch (ConditionTimeoutException noJobHeldThen) {
                System.out.println("ClusterIT: " + victim.name() + " held no job in 30 s; killed all the same");
            }
            Set<String> heldJobs = jobsHeldBy(victim.name());
            long killedAt = System.nanoTime();
            victim.kill();
            AtomicReference<Long> firstAnswer = new AtomicReference<>();
            patiently(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                boolean answered = status(cluster.url() + "/api/health") == 200;
                firstAnswer.compareAndSet(null, answered ? System.nanoTime() : null);
                return answered;
            });
            patiently(Duration.ofSeconds(Cluster.JOB_LOCK_SECONDS + 60)).until(() -> jobsHeldBy(victim.name()).isEmpty());
            long jobsRetakenAt = System.nanoTime();
            List<Long> requests = new ArrayList<>();
            for (Future<Long> run : runs) {
                requests.add(run.get(5, TimeUnit.MINUTES));
            }
            clients.shutdown();

            // then every lifecycle ended approved, each with one commitment per funder, and the ledger reconciles
            assertThat(requests).hasSize(LIFECYCLES).doesNotHaveDuplicates();
            for (long id : requests) {
                assertThat(call("officer", "GET", "/requests/" + id, null, null).get("status").asText())
                        .isEqualTo("APPROVED");
            }
            String ids = requests.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
            assertThat(count("select count(*) from commitment where request_id in (" + ids + ")"))
                    .isEqualTo(3L * LIFECYCLES);
            assertThat(count("select count(*) from (select request_id, envelope_id from commitment group by "
                    + "request_id, envelope_id having count(*) > 1) twice")).isZero();
            JsonNode reconciliation = call("finance", "GET", "/ledger/reconciliation", null, null);
            assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();

            // and every mail queued was sent, at least once (a node killed between the SMTP answer and its commit
            // leaves its mail to be sent again by the other)
            patiently(Duration.ofMinutes(2)).until(() -> count("select count(*) from outgoing_mail where status <> 'SENT'")
                    == 0);
            long queued = count("select count(*) from outgoing_mail");
            assertThat(queued).isPositive();
            assertThat(mail.getReceivedMessages().length).isGreaterThanOrEqualTo((int) queued);

            // and the jobs the dead node held were taken again, within its lock time and an idle wait
            assertThat(Duration.ofNanos(jobsRetakenAt - killedAt))
                    .isLessThan(Duration.ofSeconds(Cluster.JOB_LOCK_SECONDS + 30));

            // and the officer is still signed in on the survivor, which holds a copy of his session: it saves his
            // form as he typed it — or, when it cannot rebuild the page the dead node drew (sticky sessions with
            // fail-over lose at most the unsaved form), gives him the page again, saying so, and he types it again
            officer.clickAndWait(By.id("editor:save"));
            String page = officer.url() + " says: " + officer.text(By.tagName("body"));
            assertThat(officer.maybe(By.id("signed-in-user"))).as(page).isPresent();
            assertThat(officer.cookie("COFINANCE_NODE")).hasValue(survivor.name());
            boolean formLost = page.contains("Cette page a été rechargée");
            if (formLost) {
                assertThat(officer.url()).as(page).contains("/app/request-edit.xhtml");
                typeTheRequest(officer);
                officer.clickAndWait(By.id("editor:save"));
            }
            assertThat(count("select count(*) from funding_request r join plan_line l on l.request_id = r.id "
                    + "where r.title = '" + TYPED_TITLE + "' and r.territory = 'Quetigny' "
                    + "and r.eligible_cost = 250000.00 and l.amount = 150000.00"))
                    .as("the request saved %s (%s) from %s, which says: %s",
                            formLost ? "after the page was reloaded and typed again" : "as typed", rows("select r.id, r.reference, "
                            + "r.created_by, r.created_at, l.id, l.position from funding_request r join plan_line l "
                            + "on l.request_id = r.id where r.title = '" + TYPED_TITLE + "' order by r.id, l.id"),
                            officer.url(), officer.text(By.tagName("main")))
                    .isEqualTo(1);
            System.out.println("ClusterIT: the officer's form " + (formLost
                    ? "was lost (the survivor could not rebuild the dead node's page) and typed again"
                    : "was saved by the survivor as he typed it"));

            System.out.printf("ClusterIT: %d lifecycles; the balancer answered again %d ms after the kill; the jobs "
                    + "the dead node held (%d) were all taken again after %d ms%n", LIFECYCLES,
                    TimeUnit.NANOSECONDS.toMillis(firstAnswer.get() - killedAt), heldJobs.size(),
                    TimeUnit.NANOSECONDS.toMillis(jobsRetakenAt - killedAt));

            // when the dead node is started again
            victim.start();
            victim.awaitHealthy(Duration.ofMinutes(4));

            // then it rejoins: the balancer sends calls to it again, and it serves the officer's session
            cluster.awaitBalancerServing(2, Duration.ofSeconds(30));
            officer.open("/app/requests.xhtml");
            assertThat(officer.find(By.id("signed-in-user")).getText()).isNotBlank();
            assertThat(victim.jvm().pid()).isNotEqualTo(victimPid);
        }
    }

    @Test
    void shouldNeverHoldMoreThanTheCeilingWhenBothNodesReserveAtOnce() throws Exception {
        // given an envelope of its own that holds ten reservations of 30,000 €, and sixteen submitted requests
        // drawing on it
        Map<String, Long> organisations = organisations();
        long envelope = call("admin", "POST", "/envelopes", """
                {"code": "CLUSTER-ROOM", "name": "Cluster contention", "ownerOrganisationId": %d,
                 "ceiling": "300000.00"}""".formatted(organisations.get("Caisse des Dépôts")), null)
                .get("id").asLong();
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            long id = call("officer", "POST", "/requests", """
                    {"title": "Contention %d", "territory": "Cluster", "theme": "DIGITAL", "leadOrganisationId": %d,
                     "eligibleCost": "100000.00", "plan": [
                     {"organisationId": %d, "envelopeCode": "CLUSTER-ROOM", "instrument": "SUBSIDY",
                      "amount": "30000.00"},
                     {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "70000.00"}]}
                    """.formatted(i, organisations.get("Agrinova"), organisations.get("Caisse des Dépôts"),
                    organisations.get("Agrinova")), null).get("id").asLong();
            call("officer", "POST", "/requests/" + id + "/submit", null, null);
            requests.add(id);
        }

        // when the officer's sixteen instructions reach both nodes at once, half each, so that both nodes' job
        // executors book the reservations against the same envelope together
        ExecutorService officers = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Cluster.Node node = cluster.nodes().get(i % 2);
            long request = requests.get(i);
            String task = instructionTask(request);
            answers.add(officers.submit(() -> {
                start.await();
                return directly(node, "officer", "POST", "/tasks/" + task + "/complete",
                        "{\"decision\":\"APPROVE\"}");
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get(2, TimeUnit.MINUTES)).isBetween(200, 204);
        }
        officers.shutdown();
        patiently(Duration.ofMinutes(2)).until(() -> requests.stream().noneMatch(id -> {
            try {
                return "IN_INSTRUCTION".equals(call("officer", "GET", "/requests/" + id, null, null)
                        .get("status").asText());
            } catch (IOException | InterruptedException e) {
                return true;
            }
        }));

        // then exactly ten are held, the envelope's row equals the sum of its entries and stays within its ceiling,
        // and both nodes booked some of them
        long held = 0;
        for (long id : requests) {
            if ("AWAITING_DECISIONS".equals(call("officer", "GET", "/requests/" + id, null, null).get("status")
                    .asText())) {
                held++;
            }
        }
        assertThat(held).isEqualTo(10);
        assertThat(money("select reserved from envelope where id = " + envelope)).isEqualByComparingTo("300000.00");
        assertThat(money("select coalesce(sum(case kind when 'RESERVE' then amount when 'VOID' then -amount "
                + "when 'POST' then -amount else 0 end), 0) from ledger_entry where envelope_id = " + envelope))
                .isEqualByComparingTo("300000.00");
        assertThat(money("select ceiling - reserved - committed from envelope where id = " + envelope))
                .isEqualByComparingTo("0.00");
        String ids = requests.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        assertThat(count("select count(distinct hostname_) from act_hi_job_log where job_def_type_ = "
                + "'async-continuation' and process_instance_id_ in (select process_instance_id from funding_request "
                + "where id in (" + ids + "))")).as("the nodes that ran the reservations").isEqualTo(2);
    }

    private static String instructionTask(long request) throws Exception {
        for (JsonNode task : call("officer", "GET", "/tasks?requestId=" + request, null, null).get("items")) {
            if (task.get("taskType").asText().equals(FundingRequestProcess.INSTRUCT)) {
                return task.get("id").asText();
            }
        }
        throw new AssertionError("no instruction task on request " + request);
    }

    /** A call straight to one node, past the balancer. */
    private static int directly(Cluster.Node node, String user, String method, String path, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + "/api" + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static java.math.BigDecimal money(String sql) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getBigDecimal(1);
        }
    }

    @Test
    void shouldReadTheClientsAddressFromTheBalancerOnly() throws Exception {
        // given calls with wrong passwords: through the balancer, one of them naming another address itself, and one
        // straight to a node with that forged header
        String forged = "203.0.113.9";
        int throughBalancer = signInWith("xff-balancer", cluster.url(), null);
        int forgedThroughBalancer = signInWith("xff-balancer-forged", cluster.url(), forged);
        int forgedToNode = signInWith("xff-node-forged", cluster.nodes().get(0).url(), forged);

        // then each is refused, and audited with the address the call really came from: the balancer's header is
        // believed (not the balancer's own 127.0.0.2), a client's own header never
        assertThat(List.of(throughBalancer, forgedThroughBalancer, forgedToNode)).containsOnly(401);
        assertThat(signInAddress("xff-balancer")).isEqualTo("127.0.0.1");
        assertThat(signInAddress("xff-balancer-forged")).isEqualTo("127.0.0.1");
        assertThat(signInAddress("xff-node-forged")).isEqualTo("127.0.0.1");
    }

    private static int signInWith(String username, String root, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + "/api/requests"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String signInAddress(String username) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select remote_address from sign_in_attempt where username = ? order by id desc limit 1")) {
            query.setString(1, username);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void typeTheRequest(Browser officer) {
        officer.type(By.id("editor:title"), TYPED_TITLE);
        officer.type(By.id("editor:territory"), "Quetigny");
        officer.choose(By.id("editor:theme"), "Logement, immobilier");
        officer.chooseStartingWith(By.id("editor:lead"), "Agrinova");
        officer.type(By.id("editor:cost"), "250 000,00");
        officer.chooseStartingWith(By.id("editor:lines:0:organisation"), "Caisse des Dépôts");
        officer.choose(By.id("editor:lines:0:instrument"), "Subvention");
        officer.chooseStartingWith(By.id("editor:lines:0:envelope"), "AMI-TIGA-SUB");
        officer.type(By.id("editor:lines:0:amount"), "150 000");
        officer.clickAndWait(By.id("editor:add-line"));
        officer.chooseStartingWith(By.id("editor:lines:1:organisation"), "Agrinova");
        officer.choose(By.id("editor:lines:1:instrument"), "Autofinancement");
        officer.type(By.id("editor:lines:1:amount"), "100 000");
    }

    private static ConditionFactory patiently(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }

    private static Set<String> jobsHeldBy(String node) throws SQLException {
        Set<String> jobs = new HashSet<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(
                     "select id_ from act_ru_job where lock_owner_ = ? and lock_exp_time_ is not null")) {
            query.setString(1, node);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    jobs.add(rows.getString(1));
                }
            }
        }
        return jobs;
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                List<String> columns = new ArrayList<>();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    columns.add(rows.getString(column));
                }
                found.add(String.join(" ", columns));
            }
        }
        return found;
    }

    private static Map<String, Long> organisations() throws Exception {
        Map<String, Long> found = new TreeMap<>();
        for (JsonNode o : call("admin", "GET", "/organisations?size=500", null, null).get("items")) {
            for (String start : List.of("Agrinova", "Caisse des Dépôts", "Fonds Résidence", "Région")) {
                if (o.get("name").asText().startsWith(start)) {
                    found.putIfAbsent(start, o.get("id").asLong());
                }
            }
        }
        return found;
    }

    private static JsonNode health(String user) throws Exception {
        return call(user, "GET", "/health", null, null);
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** One call through the balancer; a failure is thrown (the lifecycles decide what a retry means). */
    private static JsonNode call(String user, String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(cluster.url() + "/api" + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new CallFailed(method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static final class CallFailed extends IOException {
        private static final long serialVersionUID = 1L;

        CallFailed(String message) {
            super(message);
        }
    }

    /**
     * Full lifecycles as a careful client runs them across a failover: a creation retried with its Idempotency-Key,
     * every other step done again only while what it should have done is not done (the request still a draft, the
     * task still open).
     */
    private static final class Lifecycles {

        private final Map<String, Long> organisations;
        final ConcurrentLinkedQueue<Long> approved = new ConcurrentLinkedQueue<>();

        Lifecycles(Map<String, Long> organisations) {
            this.organisations = organisations;
        }

        long run(int index) {
            String key = UUID.randomUUID().toString();
            AtomicReference<Long> id = new AtomicReference<>();
            patiently(Duration.ofMinutes(2)).until(() -> {
                id.set(call("officer", "POST", "/requests", plan(index), key).get("id").asLong());
                return true;
            });
            long request = id.get();
            patiently(Duration.ofMinutes(2)).until(() -> {
                if ("DRAFT".equals(status(request))) {
                    call("officer", "POST", "/requests/" + request + "/submit", null, null);
                }
                return !"DRAFT".equals(status(request));
            });
            complete("officer", request, FundingRequestProcess.INSTRUCT);
            patiently(Duration.ofMinutes(2)).until(() -> "AWAITING_DECISIONS".equals(status(request)));
            for (String approver : List.of("cdc", "investor", "region")) {
                complete(approver, request, FundingRequestProcess.DECIDE);
            }
            patiently(Duration.ofMinutes(2)).until(() -> "APPROVED".equals(status(request)));
            approved.add(request);
            return request;
        }

        private static String status(long request) throws Exception {
            return call("officer", "GET", "/requests/" + request, null, null).get("status").asText();
        }

        /** Completes the user's open task of that type on the request, until it is open no more. */
        private static void complete(String user, long request, String taskType) {
            patiently(Duration.ofMinutes(2)).until(() -> {
                for (JsonNode task : call(user, "GET", "/tasks?requestId=" + request, null, null).get("items")) {
                    if (task.get("taskType").asText().equals(taskType)) {
                        call(user, "POST", "/tasks/" + task.get("id").asText() + "/complete",
                                "{\"decision\":\"APPROVE\"}", null);
                        return false;
                    }
                }
                return true;
            });
        }

        /** 100,000 €: the CDC 30,000 €, the fund 30,000 €, the region 20,000 €, the lead 20,000 € of its own. */
        private String plan(int index) {
            return """
                    {"title": "Cluster lifecycle %d", "territory": "Cluster", "theme": "DIGITAL",
                     "leadOrganisationId": %d, "eligibleCost": "100000.00", "plan": [
                     {"organisationId": %d, "envelopeCode": "AMI-TIGA-SUB", "instrument": "SUBSIDY", "amount": "30000.00"},
                     {"organisationId": %d, "envelopeCode": "FONDS-IMMO", "instrument": "EQUITY", "amount": "30000.00"},
                     {"organisationId": %d, "envelopeCode": "REGION-BFC", "instrument": "SUBSIDY", "amount": "20000.00"},
                     {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "20000.00"}]}
                    """.formatted(index, organisations.get("Agrinova"), organisations.get("Caisse des Dépôts"),
                    organisations.get("Fonds Résidence"), organisations.get("Région"), organisations.get("Agrinova"));
        }
    }
}
