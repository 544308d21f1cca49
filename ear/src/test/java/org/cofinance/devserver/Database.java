package org.cofinance.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the application runs on: the one COFINANCE_DB_URL, COFINANCE_DB_USER and COFINANCE_DB_PASSWORD name,
 * or else an embedded PostgreSQL from Maven jars (real PostgreSQL binaries, started by this JVM). {@code user} owns the
 * schema and runs the migrations; the application connects as {@code runtimeUser}, a role that reads and writes rows
 * only — COFINANCE_DB_RUNTIME_USER and COFINANCE_DB_RUNTIME_PASSWORD when given, or else a role {@code cofinance_app}
 * this launcher creates (or gives a new password) with a password of its own.
 */
public record Database(String url, String user, String password, String runtimeUser, String runtimePassword,
                       EmbeddedPostgres embedded) implements AutoCloseable {

    private static final String RUNTIME_ROLE = "cofinance_app";

    /** The database named by the environment, if it names one. */
    public static Database fromEnvironment() {
        String url = System.getenv("COFINANCE_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = orDefault(System.getenv("COFINANCE_DB_USER"), "cofinance");
        String password = orDefault(System.getenv("COFINANCE_DB_PASSWORD"), "cofinance");
        String runtimeUser = System.getenv("COFINANCE_DB_RUNTIME_USER");
        if (runtimeUser != null && !runtimeUser.isBlank()) {
            return new Database(url, user, password, runtimeUser,
                    orDefault(System.getenv("COFINANCE_DB_RUNTIME_PASSWORD"), ""), null);
        }
        return new Database(url, user, password, RUNTIME_ROLE, createRuntimeRole(url, user, password), null);
    }

    /**
     * Creates the runtime role, or gives it a new password, as the owner (who needs CREATEROLE for it), and lets it
     * connect: its password, random, lives as long as this launcher.
     */
    private static String createRuntimeRole(String url, String user, String password) {
        String runtimePassword = java.util.UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (var query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                query.setString(1, RUNTIME_ROLE);
                try (var rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            // a UUID and a fixed name: nothing a user typed goes into this statement
            statement.execute((exists ? "alter" : "create") + " role " + RUNTIME_ROLE + " login password '"
                    + runtimePassword + "'");
            statement.execute("grant connect on database " + connection.getCatalog() + " to " + RUNTIME_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the runtime role " + RUNTIME_ROLE + " as " + user
                    + " (it needs CREATEROLE); or name an existing one in COFINANCE_DB_RUNTIME_USER and "
                    + "COFINANCE_DB_RUNTIME_PASSWORD", e);
        }
        return runtimePassword;
    }

    /**
     * An embedded PostgreSQL holding database {@code name}.
     *
     * @param dataDirectory where its files live between runs, or null for a throw-away instance
     * @param port a fixed port, or 0 for any free one
     */
    /**
     * An embedded PostgreSQL that keeps what it committed through a crash (fsync and synchronous commits on), for
     * the data of the run command.
     */
    public static Database embeddedDurable(Path dataDirectory, int port, String name) {
        return embedded(dataDirectory, port, name, true);
    }

    /** A throw-away embedded PostgreSQL tuned for tests: it does not wait for the disk. */
    public static Database embedded(Path dataDirectory, int port, String name) {
        return embedded(dataDirectory, port, name, false);
    }

    private static Database embedded(Path dataDirectory, int port, String name, boolean durable) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a database name is lower-case letters, digits and _");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (durable) {
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            String adminUrl = postgres.getJdbcUrl("postgres", "postgres");
            createDatabaseIfMissing(adminUrl, name);
            // the embedded server trusts local connections: the password is required by the datasource, not checked
            String url = postgres.getJdbcUrl("postgres", name).replaceAll("\\?.*$", "");
            return new Database(url, "postgres", "postgres", RUNTIME_ROLE,
                    createRuntimeRole(url, "postgres", "postgres"), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    private static void createDatabaseIfMissing(String adminUrl, String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (var query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, name);
                try (var rs = query.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                statement.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Connects as the runtime role, as the application does. */
    public Connection connectAsRuntime() throws SQLException {
        return DriverManager.getConnection(url, runtimeUser, runtimePassword);
    }

    /** The system properties the server's datasources read. */
    public String[] serverProperties() {
        return new String[] {"-Dcofinance.db.url=" + url, "-Dcofinance.db.user=" + user,
                "-Dcofinance.db.password=" + password, "-Dcofinance.db.runtime.user=" + runtimeUser,
                "-Dcofinance.db.runtime.password=" + runtimePassword};
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
