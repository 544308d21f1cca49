package org.cofinance.devserver;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's cluster command: the run command's database and mail server, then two nodes of the application
 * (standalone-ha.xml, port offsets 100 and 200: http://localhost:8180 and :8280) behind Debian's HAProxy at
 * http://localhost:8080/cofinance, with the demo data (loaded once, by whichever node takes the lock first), until
 * Ctrl-C stops them all.
 */
public final class ClusterLauncher {

    private ClusterLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path jbossHome = Path.of(args[0]);
        Path ear = Path.of(args[1]);
        Database database = CofinanceLauncher.database();
        List<String> properties = new ArrayList<>(List.of(database.serverProperties()));
        GreenMail mail = CofinanceLauncher.mail(properties);
        properties.add("-Dcofinance.demo=true");
        Cluster cluster = new Cluster(new Cluster.Settings(jbossHome, ear, 8080, List.of(100, 200), properties,
                jbossHome.resolveSibling("cofinance-cluster"), true));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CofinanceLauncher.stop(database, mail);
        }));
        cluster.start(Duration.ofMinutes(5));
        System.out.println("Cofinance cluster: " + cluster.url() + " (nodes " + cluster.nodes().stream()
                .map(n -> n.name() + " " + n.url()).toList() + "; Ctrl-C stops it)");
        Thread.currentThread().join();
    }
}
