package org.cofinance.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command: starts the database (embedded, its data kept in ~/.cofinance/postgres, unless
 * COFINANCE_DB_URL names one), then the provisioned WildFly with the EAR and the demo data, serving
 * http://localhost:8080/cofinance, until Ctrl-C stops both.
 */
public final class CofinanceLauncher {

    private static final int EMBEDDED_PORT = 55432;

    private CofinanceLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path jbossHome = Path.of(args[0]);
        Path ear = Path.of(args[1]);
        Database environment = Database.fromEnvironment();
        Database database = environment != null ? environment
                : Database.embedded(Path.of(System.getProperty("user.home"), ".cofinance", "postgres"),
                        EMBEDDED_PORT, "cofinance");
        System.out.println("Cofinance database: " + database.url());
        Files.copy(ear, jbossHome.resolve("standalone/deployments/cofinance.ear"),
                StandardCopyOption.REPLACE_EXISTING);

        List<String> command = new ArrayList<>(List.of(jbossHome.resolve("bin/standalone.sh").toString(),
                "-Djava.awt.headless=true", "-Dcofinance.demo=true", "-Duser.timezone=UTC"));
        command.addAll(List.of(database.serverProperties()));
        Process server = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, database)));
        System.out.println("Cofinance starts on http://localhost:8080/cofinance (Ctrl-C stops it)");
        server.waitFor();
    }

    private static void stop(Process server, Database database) {
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            database.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            System.err.println("the database did not stop cleanly: " + e.getMessage());
        }
    }
}
