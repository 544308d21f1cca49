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
 * or else an embedded PostgreSQL from Maven jars (real PostgreSQL binaries, started by this JVM).
 */
public record Database(String url, String user, String password, EmbeddedPostgres embedded) implements AutoCloseable {

    /** The database named by the environment, if it names one. */
    public static Database fromEnvironment() {
        String url = System.getenv("COFINANCE_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new Database(url, orDefault(System.getenv("COFINANCE_DB_USER"), "cofinance"),
                orDefault(System.getenv("COFINANCE_DB_PASSWORD"), "cofinance"), null);
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
            return new Database(postgres.getJdbcUrl("postgres", name).replaceAll("\\?.*$", ""), "postgres",
                    "postgres", postgres);
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

    /** The system properties the server's datasource reads. */
    public String[] serverProperties() {
        return new String[] {"-Dcofinance.db.url=" + url, "-Dcofinance.db.user=" + user,
                "-Dcofinance.db.password=" + password};
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
