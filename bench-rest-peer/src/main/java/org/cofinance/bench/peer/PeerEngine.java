package org.cofinance.bench.peer;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.cofinance.bpmn.ProcessModels;

/**
 * Builds the peer's engine when the WAR starts, as Camunda Run would: its own connection pool on its own schema,
 * its job executor on, full history, the models deployed; and the benchmark's users, so that the REST API's basic
 * authentication has someone to let in. Closes it when the WAR stops.
 *
 * <p>Where: system properties {@code cofinance.peer.jdbc-url}, {@code cofinance.peer.jdbc-user},
 * {@code cofinance.peer.jdbc-password}, {@code cofinance.peer.schema} (default: the run database's {@code rest_peer}).
 */
@WebListener
public class PeerEngine implements ServletContextListener {

    /** The benchmark's users; each one's password is its name, as on the application's demo. */
    public static final List<String> USERS = List.of("officer", "cdc", "investor", "region");

    private static volatile ProcessEngine engine;

    static ProcessEngine engine() {
        ProcessEngine built = engine;
        if (built == null) {
            throw new IllegalStateException("the peer's engine is not built (the WAR has not started)");
        }
        return built;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String url = System.getProperty("cofinance.peer.jdbc-url", "jdbc:postgresql://localhost:55432/cofinance");
        String user = System.getProperty("cofinance.peer.jdbc-user", "postgres");
        String password = System.getProperty("cofinance.peer.jdbc-password", "postgres");
        String schema = System.getProperty("cofinance.peer.schema", "rest_peer");
        if (!schema.matches("[a-z_]+")) {
            throw new IllegalArgumentException("cofinance.peer.schema must be a plain lower-case name: " + schema);
        }
        createSchema(url, user, password, schema);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDatabaseSchema(schema);
        configuration.setDatabaseTablePrefix(schema + ".");
        configuration.setJdbcDriver("org.postgresql.Driver")
                .setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                .setJdbcUsername(user).setJdbcPassword(password)
                .setJdbcMaxActiveConnections(20).setJdbcMaxIdleConnections(20)
                .setDatabaseSchemaUpdate("true").setHistory("full")
                .setProcessEngineName("default")
                .setJobExecutorActivate(true);
        configuration.setBeans(NoOpProcessBeans.byName());
        ProcessEngine built = configuration.buildProcessEngine();
        ProcessModels.deploy(built.getRepositoryService());
        USERS.forEach(name -> ensureUser(built.getIdentityService(), name));
        engine = built;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ProcessEngine built = engine;
        engine = null;
        if (built != null) {
            built.close();
        }
    }

    private static void createSchema(String url, String user, String password, String schema) {
        try (Connection db = DriverManager.getConnection(url, user, password);
             Statement sql = db.createStatement()) {
            sql.execute("create schema if not exists " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the peer's schema " + schema + " at " + url, e);
        }
    }

    private static void ensureUser(IdentityService identity, String name) {
        if (identity.createUserQuery().userId(name).count() == 0) {
            User user = identity.newUser(name);
            user.setFirstName(name);
            user.setLastName("bench");
            user.setPassword(name);
            identity.saveUser(user);
        }
    }
}
