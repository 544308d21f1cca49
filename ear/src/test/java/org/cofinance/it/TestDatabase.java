package org.cofinance.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.cofinance.devserver.Database;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Before any integration test, picks the PostgreSQL the server under test will use: the one COFINANCE_DB_URL names,
 * or a fresh embedded one; arquillian.xml hands it to the server as system properties.
 */
public class TestDatabase implements LauncherSessionListener {

    private static Database database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Database fromEnvironment = Database.fromEnvironment();
        database = fromEnvironment != null ? fromEnvironment : Database.embedded(null, 0, "cofinance_it");
        System.setProperty("cofinance.test.db.url", database.url());
        System.setProperty("cofinance.test.db.user", database.user());
        System.setProperty("cofinance.test.db.password", database.password());
        System.setProperty("cofinance.test.db.runtime.user", database.runtimeUser());
        System.setProperty("cofinance.test.db.runtime.password", database.runtimePassword());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            database.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Database database() {
        return database;
    }
}
