package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many clients at once on one envelope: the database arbitrates, nothing goes over the ceiling. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrencyIT {

    private static final int CLIENTS = 64;
    private static final long SEED = 42L;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldNeverReserveOverTheCeilingWith64ConcurrentInstructions() throws Exception {
        // given 64 drafts that together ask about twice what a 10 M€ envelope holds
        JsonNode envelope = Demo.newCdcEnvelope("IT-RACE", "10000000.00");
        String code = envelope.get("code").asText();
        long cdc = Demo.organisationId("Caisse des Dépôts");
        SplittableRandom random = new SplittableRandom(SEED);
        List<Long> requests = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextLong(10_000_000, 50_000_000), 2);
            amounts.add(amount);
            requests.add(Api.as("officer").post("/requests", Demo.singleLineRequest("Race " + i, code, cdc,
                    amount.toPlainString())).json().get("id").asLong());
        }

        // when 64 clients submit them and instruct them at the same instant: the instruction reserves
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (long id : requests) {
            assertThat(Api.as("officer").post("/requests/" + id + "/submit", null).status()).isEqualTo(200);
        }
        for (long id : requests) {
            statuses.add(clients.submit(() -> {
                start.await();
                return Demo.instruct(id).status();
            }));
        }
        start.countDown();
        for (Future<Integer> status : statuses) {
            assertThat(status.get(120, TimeUnit.SECONDS)).isEqualTo(204);
        }
        clients.shutdown();

        // then the accepted reservations add up exactly to the envelope's balance, within its ceiling,
        // and every other request waits in arbitration with nothing reserved
        BigDecimal accepted = BigDecimal.ZERO;
        int awaiting = 0;
        for (int i = 0; i < CLIENTS; i++) {
            String status = Api.as("officer").get("/requests/" + requests.get(i)).json().get("status").asText();
            if (status.equals("AWAITING_DECISIONS")) {
                accepted = accepted.add(amounts.get(i));
                awaiting++;
            } else {
                assertThat(status).isEqualTo("IN_ARBITRATION");
            }
        }
        JsonNode after = Api.as("finance").get("/envelopes/" + envelope.get("id").asLong()).json();
        assertThat(Demo.money(after, "reserved")).isEqualByComparingTo(accepted);
        assertThat(Demo.money(after, "reserved")).isLessThanOrEqualTo(new BigDecimal("10000000.00"));
        assertThat(awaiting).isBetween(1, CLIENTS - 1);
        BigDecimal smallestRefused = BigDecimal.ZERO;
        for (int i = 0; i < CLIENTS; i++) {
            String status = Api.as("officer").get("/requests/" + requests.get(i)).json().get("status").asText();
            if (status.equals("IN_ARBITRATION") && (smallestRefused.signum() == 0
                    || amounts.get(i).compareTo(smallestRefused) < 0)) {
                smallestRefused = amounts.get(i);
            }
        }
        assertThat(Demo.money(after, "available")).isLessThan(smallestRefused);
        JsonNode reconciliation = Api.as("admin").get("/ledger/reconciliation").json();
        assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
    }
}
