package org.cofinance.infrastructure.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the current version with Flyway: V1 is Camunda's own schema, taken from the engine's jar;
 * the SQL migrations under {@code db/migration} are ours. Flyway's lock makes concurrent starts of several nodes safe.
 */
public final class DatabaseMigration {

    private DatabaseMigration() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V1__CamundaSchema())
                .table("cofinance_schema_history")
                .load()
                .migrate();
    }
}
