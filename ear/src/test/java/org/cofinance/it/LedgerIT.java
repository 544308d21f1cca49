package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The envelope and commitment ledger over HTTP, on the built EAR and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-LEDGER");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @AfterEach
    void ledgerStillReconciles() {
        JsonNode reconciliation = Api.as("admin").get("/ledger/reconciliation").json();
        assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
    }

    @Test
    void shouldOpenAnEnvelopeAndAmendItsCeilingWithAnAuditedEntry() {
        // given an envelope opened by the administrator
        JsonNode envelope = Demo.newCdcEnvelope("IT-OPEN", "1000.00");
        long id = envelope.get("id").asLong();

        // when its ceiling is amended with a reason
        Api.Reply amended = Api.as("admin").post("/envelopes/" + id + "/amendments",
                "{\"ceiling\": \"1500.50\", \"reason\": \"avenant n°1\"}");

        // then the ceiling moved and the ledger holds both ceilings, by their author
        assertThat(amended.status()).isEqualTo(201);
        assertThat(Api.as("finance").get("/envelopes/" + id).json().get("ceiling").asText()).isEqualTo("1500.50");
        List<String> entries = new ArrayList<>();
        Api.as("finance").get("/envelopes/" + id + "/entries").json().get("items").forEach(e ->
                entries.add(e.get("kind").asText() + " " + e.get("amount").asText() + " " + e.get("author").asText()));
        assertThat(entries).containsExactly("AMEND 1000.00 admin", "AMEND 1500.50 admin");
    }

    @Test
    void shouldRefuseAnAmendmentBelowWhatTheEnvelopeHolds() {
        // given an envelope holding a 600 € reservation
        JsonNode envelope = Demo.newCdcEnvelope("IT-HOLD", "1000.00");
        long cdc = Demo.organisationId("Caisse des Dépôts");
        Demo.instructedRequest(Demo.singleLineRequest("Holds 600", envelope.get("code").asText(), cdc, "600.00"));

        // when the administrator amends it to 599.99
        Api.Reply refused = Api.as("admin").post("/envelopes/" + envelope.get("id").asLong() + "/amendments",
                "{\"ceiling\": \"599.99\", \"reason\": \"too low\"}");

        // then 409, and the ceiling did not move
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Api.as("finance").get("/envelopes/" + envelope.get("id").asLong()).json().get("ceiling").asText())
                .isEqualTo("1000.00");
    }

    @Test
    void shouldRefuseBadEnvelopeInputNamingTheFieldAndStoreNothing() {
        long cdc = Demo.organisationId("Caisse des Dépôts");
        String parent = ENVELOPES.cdc();
        long before = Api.as("finance").get("/envelopes?size=1").json().get("total").asLong();
        String template = "{\"code\": \"%s\", \"name\": \"x\", \"ownerOrganisationId\": %d, \"ceiling\": \"%s\""
                + ", \"parentCode\": %s}";
        record Case(String body, String field) {
        }
        List<Case> cases = List.of(
                new Case(template.formatted("IT-BAD-1", cdc, "-1.00", "null"), "ceiling"),
                new Case(template.formatted("IT-BAD-2", cdc, "1.001", "null"), "ceiling"),
                new Case(template.formatted("it bad", cdc, "1.00", "null"), "code"),
                new Case(template.formatted("IT-BAD-3", 999999, "1.00", "null"), "ownerOrganisationId"),
                new Case(template.formatted("IT-BAD-4", cdc, "1.00", "\"NO-SUCH\""), "parentCode"),
                new Case(template.formatted("IT-BAD-5", cdc, "500000000.01", "\"" + parent + "\""), "ceiling"),
                new Case(template.formatted(parent, cdc, "1.00", "null"), "code"));
        for (Case c : cases) {
            Api.Reply reply = Api.as("admin").post("/envelopes", c.body());
            assertThat(reply.status()).as(c.body()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertThat(fields).as(c.body()).contains(c.field());
        }
        assertThat(Api.as("officer").post("/envelopes", template.formatted("IT-BAD-6", cdc, "1.00", "null"))
                .status()).isEqualTo(403);
        assertThat(Api.as("finance").get("/envelopes?size=1").json().get("total").asLong()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadAmendmentsAndUnknownThings() {
        long id = Demo.newCdcEnvelope("IT-AMEND", "1000.00").get("id").asLong();
        String path = "/envelopes/" + id + "/amendments";

        record Case(String body, String field) {
        }
        for (Case c : List.of(new Case("{\"ceiling\": \"-5.00\", \"reason\": \"x\"}", "ceiling"),
                new Case("{\"ceiling\": \"5.001\", \"reason\": \"x\"}", "ceiling"),
                new Case("{\"ceiling\": \"5.00\"}", "reason"),
                new Case("{\"reason\": \"x\"}", "ceiling"))) {
            Api.Reply reply = Api.as("admin").post(path, c.body());
            assertThat(reply.status()).as(c.body()).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).as(c.body()).isEqualTo(c.field());
        }
        assertThat(Api.as("finance").post(path, "{\"ceiling\": \"5.00\", \"reason\": \"x\"}").status())
                .isEqualTo(403);
        assertThat(Api.as("admin").post("/envelopes/999999/amendments",
                "{\"ceiling\": \"5.00\", \"reason\": \"x\"}").status()).isEqualTo(404);
        assertThat(Api.as("finance").post("/commitments/999999/close", null).status()).isEqualTo(404);
        assertThat(Api.as("finance").post("/commitments/999999/disbursements/1/validate", null).status())
                .isEqualTo(404);
        assertThat(Api.as("finance").get("/envelopes/" + id + "/entries").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void shouldSendARequestToArbitrationWhenItsEnvelopeIsOutsideItsValidity() {
        // given an envelope whose validity ended
        long cdc = Demo.organisationId("Caisse des Dépôts");
        String code = "IT-OLD-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        assertThat(Api.as("admin").post("/envelopes", """
                {"code": "%s", "name": "Closed call", "ownerOrganisationId": %d, "ceiling": "1000000.00",
                 "validFrom": "2017-03-24", "validTo": "2020-12-31"}
                """.formatted(code, cdc)).status()).isEqualTo(201);

        // when a request drawing on it is submitted
        long request = Demo.instructedRequest(Demo.singleLineRequest("Too late", code, cdc, "1000.00"));

        // then nothing is reserved and the request waits in arbitration
        assertThat(Api.as("officer").get("/requests/" + request).json().get("status").asText())
                .isEqualTo("IN_ARBITRATION");
        assertThat(Demo.envelope(code).get("reserved").asText()).isEqualTo("0.00");
    }

    @Test
    void shouldPayTranchesValidatedByFinanceAndReleaseTheRestAtClosing() {
        // given a request whose convention is signed, and its CDC commitment of 4 M€
        JsonNode request = Demo.contractedRequest(ENVELOPES, "Tranches");
        JsonNode commitment = commitmentOn(request, ENVELOPES.cdcSub());
        long id = commitment.get("id").asLong();
        BigDecimal disbursedBefore = Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "disbursed");
        BigDecimal committedBefore = Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "committed");

        // when an officer asks for a first tranche of 30 %, twice with the same key
        long tranche = Demo.firstTranche(request);
        String ask = "{\"amount\": \"1200000.00\", \"evidence\": \"convention signée\", \"trancheId\": " + tranche
                + "}";
        Api.Reply asked = Api.as("officer").post("/commitments/" + id + "/disbursements", ask,
                "Idempotency-Key", "tranche-1-" + id);
        Api.Reply replayed = Api.as("officer").post("/commitments/" + id + "/disbursements", ask,
                "Idempotency-Key", "tranche-1-" + id);
        Api.Reply reused = Api.as("officer").post("/commitments/" + id + "/disbursements",
                "{\"amount\": \"1.00\", \"evidence\": \"x\", \"trancheId\": " + tranche + "}", "Idempotency-Key",
                "tranche-1-" + id);

        // then one disbursement is asked, and nothing is paid yet
        assertThat(asked.status()).isEqualTo(201);
        assertThat(replayed.json().get("id").asLong()).isEqualTo(asked.json().get("id").asLong());
        assertThat(reused.status()).isEqualTo(422);
        long disbursement = asked.json().get("id").asLong();
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "disbursed")).isEqualByComparingTo(disbursedBefore);

        // when someone else than finance tries to validate it, then finance validates it
        String validate = "/commitments/" + id + "/disbursements/" + disbursement + "/validate";
        assertThat(Api.as("officer").post(validate, null).status()).isEqualTo(403);
        Api.Reply paid = Api.as("finance").post(validate, null);

        // then it is paid once, as a DISBURSE entry
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("PAID");
        assertThat(Api.as("finance").post(validate, null).status()).isEqualTo(409);
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "disbursed"))
                .isEqualByComparingTo(disbursedBefore.add(new BigDecimal("1200000.00")));

        // and no tranche may go over what is committed
        Api.Reply tooMuch = Api.as("officer").post("/commitments/" + id + "/disbursements",
                "{\"amount\": \"2800000.01\", \"evidence\": \"facture\", \"trancheId\": " + tranche + "}");
        assertThat(tooMuch.status()).isEqualTo(409);

        // when finance closes the commitment
        Api.Reply closed = Api.as("finance").post("/commitments/" + id + "/close", null);

        // then the undisbursed 2.8 M€ return to the envelope as a RELEASE
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("commitment").get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.json().get("commitment").get("committed").asText()).isEqualTo("1200000.00");
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "committed"))
                .isEqualByComparingTo(committedBefore.subtract(new BigDecimal("2800000.00")));
    }

    @Test
    void shouldPayNothingOutsideASignedConvention() {
        // given a request approved but whose convention is not signed yet
        JsonNode approved = Demo.approvedRequest(ENVELOPES, "Pas de convention, pas de versement");
        long id = commitmentOn(approved, ENVELOPES.cdcSub()).get("id").asLong();
        BigDecimal disbursedBefore = Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "disbursed");

        // when an officer asks for a payment on it
        Api.Reply asked = Api.as("officer").post("/commitments/" + id + "/disbursements",
                "{\"amount\": \"1000.00\", \"evidence\": \"démarrage\", \"trancheId\": 1}");

        // then it is refused and nothing is asked nor paid
        assertThat(asked.status()).isEqualTo(409);
        assertThat(asked.json().get("detail").asText()).contains("signed convention");
        assertThat(Api.as("finance").get("/commitments/" + id).json().get("disbursements")).isEmpty();
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "disbursed")).isEqualByComparingTo(disbursedBefore);
    }

    @Test
    void shouldRefuseBadDisbursementInput() {
        JsonNode request = Demo.contractedRequest(ENVELOPES, "Bad tranches");
        long id = commitmentOn(request, ENVELOPES.fund()).get("id").asLong();

        long tranche = Demo.firstTranche(request);
        for (String amount : List.of("\"-1.00\"", "\"0.00\"", "\"1.005\"", "\"abc\"", "null")) {
            Api.Reply reply = Api.as("officer").post("/commitments/" + id + "/disbursements",
                    "{\"amount\": " + amount + ", \"evidence\": \"facture\", \"trancheId\": " + tranche + "}");
            assertThat(reply.status()).as(amount).isEqualTo(400);
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        }
        assertThat(Api.as("finance").post("/commitments/" + id + "/disbursements", "{\"amount\": \"1.00\"}")
                .status()).isEqualTo(403);
        assertThat(Api.as("officer").post("/commitments/999999/disbursements", "{\"amount\": \"1.00\", "
                + "\"evidence\": \"x\", \"trancheId\": " + tranche + "}").status()).isEqualTo(404);
        Api.Reply bare = Api.as("officer").post("/commitments/" + id + "/disbursements", "{\"amount\": \"1.00\"}");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("evidence", "trancheId");
        long otherRequestsTranche = Demo.firstTranche(Demo.contractedRequest(ENVELOPES, "Bad tranches, other"));
        assertThat(Api.as("officer").post("/commitments/" + id + "/disbursements", "{\"amount\": \"1.00\", "
                + "\"evidence\": \"x\", \"trancheId\": " + otherRequestsTranche + "}").json().get("errors").get(0)
                .get("field").asText()).isEqualTo("trancheId");
        assertThat(Api.as("finance-investor").get("/commitments/" + id).json().get("disbursements")).isEmpty();
    }

    @Test
    void shouldRefuseAnyChangeToALedgerEntryInTheDatabaseItself() throws SQLException {
        try (Connection connection = Sql.connect()) {
            connection.setAutoCommit(false);
            try {
                assertRefused(connection, "update ledger_entry set amount = amount + 1", "immutable");
                assertRefused(connection, "delete from ledger_entry", "immutable");
                assertRefused(connection, "truncate ledger_entry cascade", "immutable");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void shouldRefuseACeilingBreachInTheDatabaseItself() throws SQLException {
        try (Connection connection = Sql.connect()) {
            connection.setAutoCommit(false);
            try {
                assertRefused(connection,
                        "update envelope set reserved = ceiling - committed + 0.01 where code = 'DIJON-METRO'",
                        "envelope_within_ceiling");
            } finally {
                connection.rollback();
            }
        }
    }

    /**
     * Runs a statement that must be refused, inside the caller's transaction (rolled back by the caller, whatever
     * happens), each probe behind a savepoint so that the next one can still run.
     */
    private static void assertRefused(Connection connection, String sql, String reason) throws SQLException {
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
                    .isInstanceOf(SQLException.class).hasMessageContaining(reason);
        } finally {
            connection.rollback(before);
        }
    }

    static JsonNode commitmentOn(JsonNode request, String envelopeCode) {
        for (JsonNode c : request.get("commitments")) {
            if (c.get("envelopeCode").asText().equals(envelopeCode)) {
                return c;
            }
        }
        throw new IllegalStateException("no commitment on " + envelopeCode + " in " + request);
    }
}
