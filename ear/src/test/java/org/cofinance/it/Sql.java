package org.cofinance.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A direct connection to the database the server under test uses. */
final class Sql {

    private Sql() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("cofinance.test.db.url"),
                System.getProperty("cofinance.test.db.user"), System.getProperty("cofinance.test.db.password"));
    }
}
