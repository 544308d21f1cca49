package org.cofinance.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The README's run command: starts the database (embedded, its data kept in ~/.cofinance/postgres, unless
 * COFINANCE_DB_URL names one) and a local mail server (unless COFINANCE_SMTP_HOST names one), then the provisioned
 * WildFly with the EAR and the demo data, serving http://localhost:8080/cofinance, until Ctrl-C stops them all.
 */
public final class CofinanceLauncher {

    private static final int EMBEDDED_PORT = 55432;
    private static final int LOCAL_SMTP_PORT = 3025;
    private static final int LOCAL_IMAP_PORT = 3143;

    private CofinanceLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path jbossHome = Path.of(args[0]);
        Path ear = Path.of(args[1]);
        Database database = database();
        Path baseDir = runBaseDirectory(jbossHome);
        Files.copy(ear, baseDir.resolve("deployments/cofinance.ear"), StandardCopyOption.REPLACE_EXISTING);

        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir, "-Djava.awt.headless=true", "-Duser.timezone=UTC"));
        List<String> properties = new ArrayList<>(List.of(database.serverProperties()));
        GreenMail mail = mail(properties);
        command.addAll(properties);
        command.add("-Dcofinance.demo=true");
        Process server = new ProcessBuilder(command).inheritIO().start();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stopAll = () -> {
            if (stopped.compareAndSet(false, true)) {
                stop(server, database, mail);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopAll));
        System.out.println("Cofinance starts on http://localhost:8080/cofinance (Ctrl-C stops it)");
        int exit = server.waitFor();
        // a server that stopped on its own (killed, out of memory): the database and the mail server stop with it,
        // rather than keep the command waiting on their threads
        System.out.println("The server stopped (exit " + exit + "): its database and mail server stop too");
        stopAll.run();
    }

    /** The run's database: the one COFINANCE_DB_URL names, else the embedded one kept in ~/.cofinance/postgres. */
    static Database database() {
        Database environment = Database.fromEnvironment();
        Database database = environment != null ? environment
                : Database.embeddedDurable(Path.of(System.getProperty("user.home"), ".cofinance", "postgres"),
                        EMBEDDED_PORT, "cofinance");
        System.out.println("Cofinance database: " + database.url());
        return database;
    }

    /**
     * The SMTP server of the task notifications, as system properties for the server: COFINANCE_SMTP_HOST,
     * COFINANCE_SMTP_PORT, and how long (ms) to wait for its answers: COFINANCE_SMTP_TIMEOUT; without one, a local
     * mail server the demo users can read, returned so that it is stopped with the run.
     */
    static GreenMail mail(List<String> properties) {
        GreenMail localMail = null;
        if (System.getenv("COFINANCE_SMTP_HOST") == null || System.getenv("COFINANCE_SMTP_HOST").isBlank()) {
            localMail = localMailServer();
            properties.addAll(List.of("-Dcofinance.smtp.host=127.0.0.1", "-Dcofinance.smtp.port=" + LOCAL_SMTP_PORT));
        } else {
            passEnvironment(properties, "COFINANCE_SMTP_HOST", "cofinance.smtp.host");
            passEnvironment(properties, "COFINANCE_SMTP_PORT", "cofinance.smtp.port");
        }
        passEnvironment(properties, "COFINANCE_SMTP_TIMEOUT", "cofinance.smtp.timeout");
        return localMail;
    }

    /**
     * A mail server of this run (GreenMail, mails kept in memory): SMTP for the application, IMAP for anyone who wants
     * to read what a demo user was sent, signing in with the address as name and password.
     */
    private static GreenMail localMailServer() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
                new ServerSetup(LOCAL_SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(LOCAL_IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        System.out.println("Cofinance mails: SMTP 127.0.0.1:" + LOCAL_SMTP_PORT + "; read them over IMAP at 127.0.0.1:"
                + LOCAL_IMAP_PORT + ", signing in with the address as name and password (e.g. cdc@cofinance.test)");
        return mail;
    }

    private static void passEnvironment(List<String> command, String variable, String property) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            command.add("-D" + property + "=" + value);
        }
    }

    /**
     * A copy of the server's standalone folder for this run, so that the pristine one stays for the integration
     * tests, which deploy the EAR themselves.
     */
    private static Path runBaseDirectory(Path jbossHome) throws IOException {
        return copyOfStandalone(jbossHome, jbossHome.resolveSibling("cofinance-run"));
    }

    /**
     * A copy of the server's standalone folder without its deployments, data, temporary files and logs: a server of
     * its own on the same installation.
     */
    public static Path copyOfStandalone(Path jbossHome, Path target) throws IOException {
        Path source = jbossHome.resolve("standalone");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.startsWith(source.resolve("deployments")) && !file.startsWith(source.resolve("data"))
                        && !file.startsWith(source.resolve("tmp")) && !file.startsWith(source.resolve("log"))) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static void stop(Process server, Database database, GreenMail mail) {
        // standalone.sh runs the server's JVM as its child: stop the whole tree, the JVM first
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(database, mail);
    }

    static void stop(Database database, GreenMail mail) {
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("the database did not stop cleanly: " + e.getMessage());
        }
        if (mail != null) {
            mail.stop();
        }
    }
}
