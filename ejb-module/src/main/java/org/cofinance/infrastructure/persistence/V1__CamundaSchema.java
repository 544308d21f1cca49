package org.cofinance.infrastructure.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates the Camunda 7 engine's tables from the scripts its jar ships for the database at hand, so that the engine
 * never creates or updates a schema itself ({@code databaseSchemaUpdate=false}).
 */
public class V1__CamundaSchema extends BaseJavaMigration {

    private static final List<String> PARTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws SQLException {
        String database = databaseType(context.getConnection().getMetaData().getDatabaseProductName());
        try (Statement statement = context.getConnection().createStatement()) {
            for (String part : PARTS) {
                for (String sql : statements(read("org/camunda/bpm/engine/db/create/activiti." + database
                        + ".create." + part + ".sql"))) {
                    statement.execute(sql);
                }
            }
        }
    }

    static String databaseType(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return "postgres";
        }
        if (name.contains("oracle")) {
            return "oracle";
        }
        if (name.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("no Camunda schema for " + productName);
    }

    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        return List.of(withoutComments.toString().split(";")).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String read(String resource) {
        try (InputStream in = V1__CamundaSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
