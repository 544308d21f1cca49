package org.cofinance.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One organisation, one request and three fresh envelopes of the same ceiling, one per phase. */
record LedgerFixture(long organisation, long request, long appEnvelope, long rawEnvelope, long batchedEnvelope,
                     long run) {

static LedgerFixture create(DataSource pool, long ceilingCents) throws SQLException {
        long run = System.currentTimeMillis();
        try (Connection c = pool.getConnection()) {
            long organisation = insert(c, "insert into organisation (name, kind) values ('Bench', 'CDC')");
            // (of the programme the migrations made, as every request must be of one)
            long request = insert(c, "insert into funding_request (reference, title, territory, theme, "
                    + "lead_organisation_id, eligible_cost, status, created_by, created_at, programme_id) values ('BENCH-"
                    + run + "', 'Bench', 'Bench', 'DIGITAL', " + organisation + ", 1, 'DRAFT', 'bench', now(), "
                    + "(select id from programme where code = 'AMI-TIGA'))");
            BigDecimal ceiling = BigDecimal.valueOf(ceilingCents, 2);
            long app = envelope(c, "BENCH-APP-" + run, organisation, ceiling);
            long raw = envelope(c, "BENCH-RAW-" + run, organisation, ceiling);
            long batched = envelope(c, "BENCH-BATCHED-" + run, organisation, ceiling);
            return new LedgerFixture(organisation, request, app, raw, batched, run);
        }
    }

    private static long envelope(Connection c, String code, long owner, BigDecimal ceiling)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into envelope (code, name, "
                + "owner_organisation_id, ceiling) values (?, ?, ?, ?)", new String[] {"id"})) {
            insert.setString(1, code);
            insert.setString(2, code);
            insert.setLong(3, owner);
            insert.setBigDecimal(4, ceiling);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long insert(Connection c, String sql) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql, new String[] {"id"})) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
