package org.cofinance.infrastructure.persistence;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the current version with Flyway: V1 is Camunda's own schema, taken from the engine's jar;
 * the SQL migrations under {@code db/migration} are ours. Flyway's lock makes concurrent starts of several nodes safe.
 * <p>
 * Least privilege: the migrations run as the schema's owner, the application as a runtime role that reads and writes
 * rows only — it cannot alter a table nor disable a trigger, and it may neither update nor delete the ledger's
 * entries, the decisions, the sign-in attempts or the users' audit (V17 grants it that much, and the owner's default
 * privileges grant the same on the tables later migrations create).
 */
public final class DatabaseMigration {

    private DatabaseMigration() {
    }

    /** Migrates as the schema's owner, granting the runtime role what the application needs and no more. */
    public static void migrate(DataSource owner, String runtimeRole) {
        if (runtimeRole == null || !runtimeRole.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("the runtime role is a PostgreSQL name in lower case: " + runtimeRole);
        }
        Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(owner)
                .locations("classpath:db/migration")
                .javaMigrations(new V1__CamundaSchema())
                .table("cofinance_schema_history")
                .placeholders(Map.of("runtimeRole", runtimeRole))
                .load()
                .migrate();
    }
}
