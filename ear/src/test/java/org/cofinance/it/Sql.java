package org.cofinance.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.cofinance.infrastructure.security.PasswordHashing;

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

    /**
     * A user written straight into the store, as another node or an operator would: a fresh name from
     * {@code prefix}, the password hashed as the application does, one role, in the first organisation of that kind
     * (none when null).
     */
    static String insertUser(String prefix, String password, String role, String organisationKind)
            throws SQLException {
        String user = prefix + "-" + Long.toString(System.nanoTime(), 36);
        try (Connection db = connect();
             PreparedStatement insert = db.prepareStatement("insert into app_user (username, password_hash, "
                     + "display_name, organisation_id) values (?, ?, ?, (select min(id) from organisation "
                     + "where kind = ?))");
             PreparedStatement roles = db.prepareStatement("insert into app_user_role (username, role) values (?, ?)")) {
            insert.setString(1, user);
            insert.setString(2, PasswordHashing.hash(password.toCharArray()));
            insert.setString(3, "Test user " + user);
            insert.setString(4, organisationKind);
            insert.executeUpdate();
            roles.setString(1, user);
            roles.setString(2, role);
            roles.executeUpdate();
        }
        return user;
    }
}
