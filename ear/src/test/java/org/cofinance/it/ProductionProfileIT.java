package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.cofinance.devserver.CofinanceLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production profile, started as an operator would: the provisioned WildFly with standalone-production.xml, the
 * operator's keystore (made here with keytool), the database's owner and runtime roles, no demo data. It serves HTTPS
 * only, tells browsers to keep to it, marks its session cookie Secure, gives its pages a strict script policy with a
 * nonce, and no cache keeps what an authenticated call answers.
 */
class ProductionProfileIT {

    /** Clear of the tests' own server and of an application on 8080. */
    private static final int OFFSET = 300 + TestPorts.offset();
    private static final int HTTPS = 8443 + OFFSET;
    private static final int HTTP = 8080 + OFFSET;
    private static final String PASSWORD = UUID.randomUUID().toString();

    private static Process server;
    private static HttpClient https;
    private static Path log;

    @BeforeAll
    static void startTheProductionProfile() throws Exception {
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        Path baseDir = CofinanceLauncher.copyOfStandalone(jbossHome, jbossHome.resolveSibling("cofinance-production"));
        Files.copy(Path.of(System.getProperty("cofinance.ear")), baseDir.resolve("deployments/cofinance.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        Path keystore = baseDir.resolve("configuration/cofinance.p12");
        keytool(keystore);
        https = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(5)).build();

        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-production.xml", "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + OFFSET, "-Djava.awt.headless=true", "-Duser.timezone=UTC",
                "-Dcofinance.tls.keystore=" + keystore, "-Dcofinance.tls.keystore.password=" + PASSWORD,
                "-Dcofinance.db.url=" + System.getProperty("cofinance.test.db.url"),
                "-Dcofinance.db.user=" + System.getProperty("cofinance.test.db.user"),
                "-Dcofinance.db.password=" + System.getProperty("cofinance.test.db.password"),
                "-Dcofinance.db.runtime.user=" + System.getProperty("cofinance.test.db.runtime.user"),
                "-Dcofinance.db.runtime.password=" + System.getProperty("cofinance.test.db.runtime.password"),
                "-Dcofinance.smtp.host=127.0.0.1",
                "-Dcofinance.smtp.port=" + System.getProperty("cofinance.test.smtp.port", "25")));
        log = baseDir.resolve("log/production-profile.out");
        Files.createDirectories(log.getParent());
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Awaitility.await().atMost(180, TimeUnit.SECONDS).pollInterval(1, TimeUnit.SECONDS)
                .failFast("the production profile's server stopped: see " + log, () -> !server.isAlive())
                .until(() -> status("/cofinance/api/health") == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    @Test
    void shouldServeHttpsOnlyAndTellBrowsersToKeepToIt() throws Exception {
        HttpResponse<String> health = get("/cofinance/api/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).contains("max-age=").contains("includeSubDomains"));
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + HTTP + "/cofinance/api/health")).build(),
                HttpResponse.BodyHandlers.ofString())).as("no plain HTTP listener")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void shouldMarkTheSessionCookieSecureAndRunNoScriptOnThePagesButItsOwnWithTheNonce() throws Exception {
        HttpResponse<String> login = get("/cofinance/login.xhtml", null);

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("Secure")
                        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        String policy = login.headers().allValues("Content-Security-Policy").stream()
                .filter(p -> p.contains("script-src")).findFirst().orElseThrow();
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(policy).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline' 'nonce", "script-src 'self' 'unsafe-inline'", "unsafe-eval");
        List<String> scripts = new ArrayList<>();
        Matcher script = Pattern.compile("<script\\b[^>]*>").matcher(login.body());
        while (script.find()) {
            scripts.add(script.group());
        }
        // the application's own script files load from 'self'; every script written in the page bears the nonce
        assertThat(scripts).isNotEmpty().filteredOn(tag -> !tag.contains(" src=")).isNotEmpty()
                .allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce.group(1) + "\""));
        assertThat(login.body()).doesNotContainPattern("\\son[a-z]+=\"").doesNotContain("javascript:");
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void shouldLetNoCacheKeepWhatAnAuthenticatedCallAnswers() throws Exception {
        String user = Sql.insertUser("prod", "production-password", "OFFICER", null);

        HttpResponse<String> requests = get("/cofinance/api/requests?size=1", user + ":production-password");

        assertThat(requests.statusCode()).isEqualTo(200);
        assertThat(requests.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(requests.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static int status(String path) {
        try {
            return get(path, null).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> get(String path, String credentials) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + HTTPS + path))
                .timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The operator's keystore: a key pair for localhost, made with the JDK's keytool. */
    private static void keytool(Path keystore) throws IOException, InterruptedException {
        Files.deleteIfExists(keystore);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "cofinance", "-keyalg",
                "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
    }

    /** A client that trusts the operator's certificate, and nothing else. */
    private static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
