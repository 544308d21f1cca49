package org.cofinance.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.cofinance.application.ledger.ReservationBatches;
import org.cofinance.application.ledger.ReservationBooking;
import org.cofinance.application.ledger.ReservationOrder;
import org.cofinance.application.ledger.ReservationOutcome;
import org.cofinance.application.ledger.Reservations;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;

/**
 * The limit of the ledger's design on PostgreSQL: the same combiner gathers the concurrent reservations into batches
 * ({@link ReservationBatches}), and each batch is booked in one transaction under one lock of the envelope — as the
 * application does — but in raw JDBC, no ORM: the request's status share-locked, the keys booked before looked up,
 * the envelope's row locked, each order that fits a commitment and a RESERVE entry (JDBC batches), the envelope's
 * balance updated once.
 */
final class RawBatchedLedger {

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();
    private final Reservations reservations;

    RawBatchedLedger(DataSource pool) {
        this.reservations = new Reservations(new ReservationBatches(), new RawBooking(pool));
    }

    boolean reserve(LedgerFixture fixture, int index, long cents) {
        return reservations.reserve(fixture.batchedEnvelope(), fixture.request(), fixture.organisation(),
                Instrument.SUBSIDY, Money.ofCents(cents), "bench:batched:" + fixture.run() + ":" + index, "bench")
                .isPresent();
    }

    String batching() {
        long count = batches.get();
        return String.format("The batched raw path booked them in %,d transactions: %.1f reservations per batch on "
                + "average.", count, (double) orders.get() / count);
    }

    private final class RawBooking extends ReservationBooking {
        private final DataSource pool;

        RawBooking(DataSource pool) {
            this.pool = pool;
        }

        @Override
        public List<ReservationOutcome> reserveBatch(List<ReservationOrder> batch) {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    List<ReservationOutcome> outcomes = book(connection, batch);
                    connection.commit();
                    batches.incrementAndGet();
                    orders.addAndGet(batch.size());
                    return outcomes;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private List<ReservationOutcome> book(Connection connection, List<ReservationOrder> batch)
                throws SQLException {
            try (PreparedStatement statuses = connection.prepareStatement(
                    "select status from funding_request where id = any(?) for share")) {
                statuses.setArray(1, connection.createArrayOf("bigint",
                        batch.stream().map(ReservationOrder::requestId).distinct().toArray()));
                statuses.executeQuery().close();
            }
            Set<String> earlier = new HashSet<>();
            try (PreparedStatement keys = connection.prepareStatement(
                    "select idempotency_key from ledger_entry where idempotency_key = any(?)")) {
                keys.setArray(1, connection.createArrayOf("varchar",
                        batch.stream().map(ReservationOrder::key).toArray()));
                try (ResultSet rows = keys.executeQuery()) {
                    while (rows.next()) {
                        earlier.add(rows.getString(1));
                    }
                }
            }
            long envelope = batch.get(0).envelopeId();
            long availableCents;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select ceiling - reserved - committed from envelope where id = ? for update")) {
                lock.setLong(1, envelope);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    availableCents = row.getBigDecimal(1).movePointRight(2).longValueExact();
                }
            }
            Timestamp now = Timestamp.from(Instant.now());
            List<ReservationOutcome> outcomes = new ArrayList<>();
            List<ReservationOrder> held = new ArrayList<>();
            long totalCents = 0;
            for (ReservationOrder order : batch) {
                long cents = order.amount().toBigDecimal().movePointRight(2).longValueExact();
                if (earlier.contains(order.key()) || cents > availableCents - totalCents) {
                    outcomes.add(earlier.contains(order.key()) ? ReservationOutcome.HELD : ReservationOutcome.NOT_HELD);
                    continue;
                }
                totalCents += cents;
                held.add(order);
                outcomes.add(null);
            }
            List<Long> commitments = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("insert into commitment (request_id, "
                    + "envelope_id, organisation_id, instrument, status, reserved, committed, disbursed, created_at) "
                    + "values (?, ?, ?, ?, 'RESERVED', ?, 0, 0, ?)", new String[] {"id"})) {
                for (ReservationOrder order : held) {
                    insert.setLong(1, order.requestId());
                    insert.setLong(2, envelope);
                    insert.setLong(3, order.organisationId());
                    insert.setString(4, order.instrument().name());
                    insert.setBigDecimal(5, order.amount().toBigDecimal());
                    insert.setTimestamp(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        commitments.add(keys.getLong(1));
                    }
                }
            }
            try (PreparedStatement entry = connection.prepareStatement("insert into ledger_entry (envelope_id, "
                    + "commitment_id, request_id, kind, amount, at, author, idempotency_key) values (?, ?, ?, "
                    + "'RESERVE', ?, ?, ?, ?)")) {
                for (int i = 0; i < held.size(); i++) {
                    ReservationOrder order = held.get(i);
                    entry.setLong(1, envelope);
                    entry.setLong(2, commitments.get(i));
                    entry.setLong(3, order.requestId());
                    entry.setBigDecimal(4, order.amount().toBigDecimal());
                    entry.setTimestamp(5, now);
                    entry.setString(6, order.author());
                    entry.setString(7, order.key());
                    entry.addBatch();
                }
                entry.executeBatch();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update envelope set reserved = reserved + ? where id = ?")) {
                update.setBigDecimal(1, java.math.BigDecimal.valueOf(totalCents, 2));
                update.setLong(2, envelope);
                update.executeUpdate();
            }
            for (int i = 0, h = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i) == null) {
                    outcomes.set(i, ReservationOutcome.held(commitments.get(h++)));
                }
            }
            return outcomes;
        }
    }
}
