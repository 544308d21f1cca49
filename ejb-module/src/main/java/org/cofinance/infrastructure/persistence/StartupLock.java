package org.cofinance.infrastructure.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One node of a cluster at a time starts the application on the shared database — migrates the schema, builds the
 * process engine (which writes its installation's properties and the history cleanup job once), deploys the models,
 * loads the demo when asked: two nodes starting together on an empty database would otherwise both find things
 * missing and both write them. A PostgreSQL advisory lock of the session, held on a connection of its own across the
 * start's many transactions, and released when it is closed — or by the database when the node dies holding it.
 */
public final class StartupLock implements AutoCloseable {

    /** The lock's key, the same on every node: "COFSTART" in ASCII. */
    private static final long KEY = 0x434F465354415254L;

    private final Connection connection;

    private StartupLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits until no other node is starting, then holds the lock until closed. */
    public static StartupLock acquire(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new StartupLock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the start-up lock", e);
        }
    }

    @Override
    public void close() {
        // the pooled connection outlives this use: the lock is given back explicitly before the connection is
        try (Connection held = connection;
             PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not release the start-up lock", e);
        }
    }
}
