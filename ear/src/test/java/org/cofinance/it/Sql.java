package org.cofinance.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A direct connection to the database the server under test uses: as its owner, or as the application's role. */
final class Sql {

    private Sql() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("cofinance.test.db.url"),
                System.getProperty("cofinance.test.db.user"), System.getProperty("cofinance.test.db.password"));
    }

    static Connection connectAsRuntime() throws SQLException {
        return DriverManager.getConnection(System.getProperty("cofinance.test.db.url"),
                System.getProperty("cofinance.test.db.runtime.user"),
                System.getProperty("cofinance.test.db.runtime.password"));
    }
}
