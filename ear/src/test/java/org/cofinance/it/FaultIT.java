package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.awaitility.Awaitility;

/**
 * The database connection dies in the middle of the transaction that posts the commitments: nothing is booked, the
 * decision can be given again, and the retry leaves exactly one posting per commitment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-FAULT");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldPostExactlyOnceWhenTheConnectionIsKilledDuringThePostingAndTheDecisionRetried() throws Exception {
        // given a request approved by two of its three funders
        long requestId = Demo.submittedRequest(ENVELOPES, "Connection killed");
        Demo.decide("cdc", requestId, "APPROVE");
        Demo.decide("investor", requestId, "APPROVE");

        try (Connection blocker = Sql.connect(); Connection admin = Sql.connect()) {
            // and another transaction holding the region's envelope row, so that the posting stops there
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement(
                    "select id from envelope where code = ? for update")) {
                lock.setString(1, ENVELOPES.region());
                lock.executeQuery().close();
            }
            int blockerPid = backendPid(blocker);

            // when the region's last approval runs and its database connection is killed while it waits
            CompletableFuture<Api.Reply> lastApproval = CompletableFuture.supplyAsync(() ->
                    Demo.decide("region", requestId, "APPROVE"));
            int killed = Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(50, TimeUnit.MILLISECONDS)
                    .until(() -> terminateBackendsBlockedBy(admin, blockerPid), n -> n > 0);
            blocker.rollback();
            Api.Reply failed = lastApproval.get(60, TimeUnit.SECONDS);

            // then the call failed cleanly and nothing was booked
            assertThat(killed).isEqualTo(1);
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.contentType()).startsWith("application/problem+json");
            JsonNode request = Api.as("officer").get("/requests/" + requestId).json();
            assertThat(request.get("status").asText()).isEqualTo("AWAITING_DECISIONS");
            assertThat(request.get("commitments")).allSatisfy(c ->
                    assertThat(c.get("status").asText()).isEqualTo("RESERVED"));
            assertThat(postings(admin, requestId)).isZero();
        }

        // when the region gives its decision again
        Api.Reply retried = Demo.decide("region", requestId, "APPROVE");

        // then the request is approved with exactly one posting per commitment
        assertThat(retried.status()).isEqualTo(204);
        JsonNode request = Api.as("officer").get("/requests/" + requestId).json();
        assertThat(request.get("status").asText()).isEqualTo("APPROVED");
        assertThat(request.get("decisions")).hasSize(3);
        try (Connection admin = Sql.connect()) {
            assertThat(postings(admin, requestId)).isEqualTo(3);
        }
        JsonNode reconciliation = Api.as("admin").get("/ledger/reconciliation").json();
        assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
    }

    /** Kills only the backends waiting on the test's own blocker: nothing else sharing the database is touched. */
    private static int terminateBackendsBlockedBy(Connection admin, int blockerPid) throws SQLException {
        try (PreparedStatement kill = admin.prepareStatement(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
                        + "and ? = any(pg_blocking_pids(pid))")) {
            kill.setInt(1, blockerPid);
            try (ResultSet rs = kill.executeQuery()) {
                int count = 0;
                while (rs.next()) {
                    count++;
                }
                return count;
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement pid = connection.prepareStatement("select pg_backend_pid()");
             ResultSet rs = pid.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int postings(Connection admin, long requestId) throws SQLException {
        try (PreparedStatement count = admin.prepareStatement(
                "select count(*) from ledger_entry where request_id = ? and kind = 'POST'")) {
            count.setLong(1, requestId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
