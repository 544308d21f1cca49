package org.cofinance.devserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Nodes of the application behind one load balancer, on one machine: each node a WildFly of its own (the provisioned
 * installation, a copy of its standalone folder, standalone-ha.xml, a port offset), finding the others by TCPPING on
 * loopback; Debian's HAProxy in front, at {@code http://localhost:<balancer>/cofinance}, checking each node's health
 * every second and taking a node out after two failed checks. A call is kept on the node of its session (a cookie the
 * balancer sets) and goes to another one when that node is down; the sessions themselves live on both nodes.
 */
public final class Cluster implements AutoCloseable {

    /** The balancer's own address towards the nodes: the only one whose X-Forwarded-For they believe. */
    public static final String BALANCER_SOURCE = "127.0.0.2";
    /** How long a node holds a job it took before another may take it (the job executor's lock time). */
    public static final int JOB_LOCK_SECONDS = 20;
    /** The longest an idle node waits before looking for jobs it was not told of. */
    public static final int JOB_IDLE_WAIT_MS = 2000;

    private final Settings settings;
    private final List<Node> nodes;
    private Process balancer;

    /**
     * @param jbossHome the provisioned WildFly
     * @param ear the application
     * @param balancerPort where the balancer listens (8080 for the cluster command)
     * @param nodeOffsets each node's port offset (its HTTP port is 8080 plus it)
     * @param properties the system properties every node gets (database, mail, demo)
     * @param work where the nodes' folders, the balancer's configuration and the logs go
     * @param logsToConsole whether the nodes' and the balancer's output goes to this process's console
     */
    public record Settings(Path jbossHome, Path ear, int balancerPort, List<Integer> nodeOffsets,
                           List<String> properties, Path work, boolean logsToConsole) {
    }

    public Cluster(Settings settings) {
        this.settings = settings;
        String members = settings.nodeOffsets().stream().map(offset -> "127.0.0.1[" + (7600 + offset) + "]")
                .collect(Collectors.joining(","));
        this.nodes = IntStream.range(0, settings.nodeOffsets().size())
                .mapToObj(i -> new Node("node" + (i + 1), settings.nodeOffsets().get(i), members)).toList();
    }

    /** Starts every node at once and the balancer, and waits until each node answers healthy. */
    public Cluster start(Duration patience) throws IOException, InterruptedException {
        Files.createDirectories(settings.work());
        for (Node node : nodes) {
            node.prepare();
        }
        for (Node node : nodes) {
            node.start();
        }
        startBalancer();
        for (Node node : nodes) {
            node.awaitHealthy(patience);
        }
        awaitBalancerServing(nodes.size(), patience);
        return this;
    }

    /**
     * Waits until the balancer's calls reach {@code count} different nodes: it has found them healthy (two checks
     * in a row) and put them in.
     */
    public void awaitBalancerServing(int count, Duration patience) throws InterruptedException {
        Pattern node = Pattern.compile("\"node\"\\s*:\\s*\"([^\"]+)\"");
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (seen.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the balancer reached only " + seen + " after " + patience);
            }
            // a client of its own each time: a kept-alive connection stays with the node that first answered it
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher answered = node.matcher(health.body());
                if (health.statusCode() == 200 && answered.find()) {
                    seen.add(answered.group(1));
                    continue;
                }
            } catch (IOException notYet) {
                // the balancer itself is starting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** The application's root through the balancer. */
    public String url() {
        return "http://localhost:" + settings.balancerPort() + "/cofinance";
    }

    private void startBalancer() throws IOException {
        Path configuration = settings.work().resolve("haproxy.cfg");
        Files.writeString(configuration, balancerConfiguration(), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(haproxy(), "-db", "-f", configuration.toString());
        balancer = output(builder, "balancer").start();
    }

    /**
     * HAProxy's configuration: round robin, a session kept on its node by the {@code COFINANCE_NODE} cookie, the
     * nodes' health checked every second (two failures take a node out, two successes bring it back), a request
     * whose connection a dead node refuses sent to another node (and a read whose node died while answering it), the
     * client's address passed in X-Forwarded-For.
     */
    String balancerConfiguration() {
        StringBuilder servers = new StringBuilder();
        for (Node node : nodes) {
            servers.append("    server ").append(node.name()).append(" 127.0.0.1:").append(node.httpPort())
                    .append(" check cookie ").append(node.name()).append('\n');
        }
        return """
                global
                    maxconn 2000
                    log stdout format raw local0
                defaults
                    mode http
                    log global
                    option httplog
                    timeout connect 2s
                    timeout client 180s
                    timeout server 180s
                    timeout queue 30s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response response-timeout
                    option forwardfor
                frontend cofinance
                    bind 127.0.0.1:%d
                    # a read whose node died under it is sent again to another node; a change is not (its client
                    # retries it with its Idempotency-Key, or reads what became of it)
                    http-request disable-l7-retry unless METH_GET || METH_HEAD
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    source %s
                    option httpchk GET /cofinance/api/health
                    http-check expect status 200
                    cookie COFINANCE_NODE insert indirect nocache httponly attr SameSite=Strict
                    default-server inter 1s fastinter 500ms downinter 1s fall 2 rise 2
                %s""".formatted(settings.balancerPort(), BALANCER_SOURCE, servers);
    }

    private static String haproxy() {
        String configured = System.getenv("COFINANCE_HAPROXY");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("HAProxy, the cluster's load balancer, is not installed: "
                + "apt-get install haproxy (or name it in COFINANCE_HAPROXY)");
    }

    private ProcessBuilder output(ProcessBuilder builder, String name) {
        if (settings.logsToConsole()) {
            return builder.inheritIO();
        }
        return builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.work().resolve(name + ".log").toFile()));
    }

    /** Stops the balancer and every node that still runs. */
    @Override
    public void close() throws InterruptedException {
        if (balancer != null) {
            balancer.destroy();
            balancer.waitFor(10, TimeUnit.SECONDS);
        }
        for (Node node : nodes) {
            node.stop();
        }
    }

    /** One WildFly of the cluster. */
    public final class Node {

        private final String name;
        private final int offset;
        private final String members;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private Path baseDir;
        private Process process;

        private Node(String name, int offset, String members) {
            this.name = name;
            this.offset = offset;
            this.members = members;
        }

        public String name() {
            return name;
        }

        public int httpPort() {
            return 8080 + offset;
        }

        public int managementPort() {
            return 9990 + offset;
        }

        /** This node's own address, past the balancer. */
        public String url() {
            return "http://localhost:" + httpPort() + "/cofinance";
        }

        private void prepare() throws IOException {
            baseDir = CofinanceLauncher.copyOfStandalone(settings.jbossHome(), settings.work().resolve(name));
            Files.copy(settings.ear(), baseDir.resolve("deployments/cofinance.ear"),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        /** Starts (or starts again) this node's server; its folder keeps what it wrote before. */
        public void start() throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    settings.jbossHome().resolve("bin/standalone.sh").toString(), "-c", "standalone-ha.xml",
                    "-Djboss.server.base.dir=" + baseDir, "-Djboss.node.name=" + name,
                    "-Djboss.socket.binding.port-offset=" + offset, "-Dcofinance.cluster.members=" + members,
                    "-Dcofinance.trusted-proxies=" + BALANCER_SOURCE,
                    "-Dcofinance.jobs.lock-seconds=" + JOB_LOCK_SECONDS,
                    "-Dcofinance.jobs.max-idle-wait-ms=" + JOB_IDLE_WAIT_MS,
                    "-Djava.awt.headless=true", "-Duser.timezone=UTC"));
            command.addAll(settings.properties());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("JBOSS_JAVA_SIZING", "-Xms256m -Xmx1g");
            process = output(builder, name).start();
        }

        /** Waits until this node, called directly, answers healthy. */
        public void awaitHealthy(Duration patience) throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " stopped while starting: see "
                            + settings.work().resolve(name + ".log") + " and " + baseDir.resolve("log"));
                }
                if (isHealthy()) {
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
            throw new IllegalStateException(name + " not healthy after " + patience);
        }

        public boolean isHealthy() throws InterruptedException {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url() + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        }

        /** The server's JVM, the child of standalone.sh. */
        public ProcessHandle jvm() {
            return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                    .findFirst().orElseThrow(() -> new IllegalStateException(name + " has no running JVM"));
        }

        /** Kills the server's JVM outright (SIGKILL): nothing of it runs any more, nothing is cleaned up. */
        public void kill() throws InterruptedException {
            ProcessHandle jvm = jvm();
            jvm.destroyForcibly();
            jvm.onExit().join();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        public boolean isRunning() {
            return process != null && process.isAlive();
        }

        private void stop() throws InterruptedException {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }
}
