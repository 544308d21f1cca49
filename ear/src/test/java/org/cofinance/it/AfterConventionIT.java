package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cofinance.bpmn.FundingRequestProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The years after the convention, on PostgreSQL through the API, each test on envelopes of its own: money paid and
 * asked back (recoveries), the payment credits of a year that two finance officers cannot both overrun, and the
 * forecast of the years to come.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AfterConventionIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldRecoverMoneyPaidOnceReceivedNeverPayItAgainAndGiveItBackToTheEnvelopeAtClosing() {
        // given a 100 000 € subsidy of an envelope of this test, its first tranche (30 000 €) paid
        String code = Demo.newCdcEnvelope("IT-RECOVER", "1000000.00").get("code").asText();
        long id = contracted("Reversement", code, "100000.00");
        evidenceAndPay(id, "Convention signée");
        long commitment = commitment(id).get("id").asLong();

        // when the CDC's finance asks back more than was paid, or another funder's finance asks anything back
        assertThat(Api.as("finance").post("/commitments/" + commitment + "/recoveries",
                "{\"amount\":\"30000.01\",\"reason\":\"Dépenses inéligibles\"}").status()).isEqualTo(409);
        assertThat(Api.as("finance-investor").post("/commitments/" + commitment + "/recoveries",
                "{\"amount\":\"1.00\",\"reason\":\"Dépenses inéligibles\"}").status()).isEqualTo(404);
        assertThat(Api.as("finance").post("/commitments/" + commitment + "/recoveries",
                "{\"amount\":\"5000.00\"}").json().get("errors").get(0).get("field").asText()).isEqualTo("reason");

        // then, asking back 10 000 €, nothing moves until the money is received
        Api.Reply issued = Api.as("finance").post("/commitments/" + commitment + "/recoveries",
                "{\"amount\":\"10000.00\",\"reason\":\"Dépenses inéligibles\"}");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("status").asText()).isEqualTo("ISSUED");
        long recovery = issued.json().get("id").asLong();
        assertThat(commitment(id).get("disbursed").asText()).isEqualTo("30000.00");
        assertThat(Api.as("finance").post("/commitments/" + commitment + "/recoveries",
                "{\"amount\":\"20000.01\",\"reason\":\"Encore\"}").status())
                .as("what is asked back already counts").isEqualTo(409);

        // when it is received
        Api.Reply received = Api.as("finance").post("/commitments/" + commitment + "/recoveries/" + recovery
                + "/received", null);

        // then a RECOVER entry lowers what the commitment and its envelope paid, and the ledger still ties out
        assertThat(received.status()).isEqualTo(200);
        assertThat(received.json().get("status").asText()).isEqualTo("RECOVERED");
        JsonNode after = commitment(id);
        assertThat(after.get("disbursed").asText()).isEqualTo("20000.00");
        assertThat(after.get("recovered").asText()).isEqualTo("10000.00");
        assertThat(Demo.envelope(code).get("disbursed").asText()).isEqualTo("20000.00");
        assertThat(Api.as("finance").post("/commitments/" + commitment + "/recoveries/" + recovery + "/cancel",
                null).status()).isEqualTo(409);
        assertThat(request(id).get("recoveries").get(0).get("status").asText()).isEqualTo("RECOVERED");
        assertThat(Api.as("admin").get("/ledger/reconciliation").json().get("consistent").asBoolean()).isTrue();
        assertThat(ReportsIT.csv("/reports/disbursements?format=csv&envelope=" + code))
                .filteredOn(r -> r.get("status").equals("RECOVERED")).extracting(r -> r.get("paidAmount"))
                .containsExactly("-10000.00");
        assertThat(ReportsIT.csv("/reports/audit?format=csv&envelope=" + code))
                .filteredOn(r -> r.get("event").equals("RECOVER")).extracting(r -> r.get("amount"))
                .containsExactly("10000.00");

        // when the two last tranches are paid: 40 000 €, then what is left, the recovered 10 000 € not paid again
        evidenceAndPay(id, "Rapport à mi-parcours");
        assertThat(commitment(id).get("disbursed").asText()).isEqualTo("60000.00");
        evidenceAndPay(id, "Rapport final");

        // then 100 000 € went out and 10 000 € came back; the request is closed, the envelope has those 10 000 € back
        JsonNode closed = request(id);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(commitment(id).get("disbursed").asText()).isEqualTo("90000.00");
        assertThat(commitment(id).get("committed").asText()).isEqualTo("90000.00");
        assertThat(Demo.envelope(code).get("available").asText()).isEqualTo("910000.00");
        assertThat(Api.as("admin").get("/ledger/reconciliation").json().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void shouldLetOnlyOneOfTwoFinanceOfficersValidatingAtTheSameInstantPassTheYearsLastCredits() throws Exception {
        // given two contracted requests on an envelope of this test, 30 000 € of each first tranche to validate
        String code = Demo.newCdcEnvelope("IT-CREDITS", "1000000.00").get("code").asText();
        long envelopeId = Demo.envelope(code).get("id").asLong();
        long first = contracted("Crédits 1", code, "100000.00");
        long second = contracted("Crédits 2", code, "100000.00");
        for (long id : List.of(first, second)) {
            assertThat(Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE,
                    "{\"decision\":\"APPROVE\",\"comment\":\"Convention signée\"}").status()).isEqualTo(204);
        }
        // and this year's payment credits of the envelope holding 50 000 €: one payment, not two
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        assertThat(Api.as("finance").put("/envelopes/" + envelopeId + "/payment-credits/" + year,
                "{\"amount\":\"50000.00\"}").status()).as("an administrator's work").isEqualTo(403);
        assertThat(Api.as("admin").put("/envelopes/" + envelopeId + "/payment-credits/20x7",
                "{\"amount\":\"50000.00\"}").status()).isEqualTo(400);
        Api.Reply set = Api.as("admin").put("/envelopes/" + envelopeId + "/payment-credits/" + year,
                "{\"amount\":\"50000.00\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String other = Sql.insertUser("finance-cdc", "Other-finance-1", "FINANCE", "CDC");

        // when two finance officers validate one each at the same instant
        ExecutorService officers = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        replies.add(officers.submit(() -> validate(Api.as("finance"), first, start)));
        replies.add(officers.submit(() -> validate(Api.withPassword(other, "Other-finance-1"), second, start)));
        start.countDown();
        List<Api.Reply> answers = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
            answers.add(reply.get(60, TimeUnit.SECONDS));
        }
        officers.shutdown();

        // then one is paid and the other refused for want of credits, nothing moved for it, its task still open
        assertThat(answers).extracting(Api.Reply::status).containsExactlyInAnyOrder(204, 409);
        Api.Reply refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("type").asText()).endsWith("/payment-credits-exhausted");
        assertThat(paidThisYear(envelopeId, year)).isEqualByComparingTo("30000.00");
        assertThat(Api.as("admin").get("/envelopes/" + envelopeId).json().get("paymentCredits").get(0).get("paid")
                .asText()).isEqualTo("30000.00");
        long stillOpen = List.of(first, second).stream().filter(id -> !Api.as("finance").get("/tasks?requestId="
                + id).json().get("items").isEmpty()).count();
        assertThat(stillOpen).isEqualTo(1);

        // and once the credits are raised, the other is paid
        Api.as("admin").put("/envelopes/" + envelopeId + "/payment-credits/" + year, "{\"amount\":\"60000.00\"}");
        for (long id : List.of(first, second)) {
            if (!Api.as("finance").get("/tasks?requestId=" + id).json().get("items").isEmpty()) {
                assertThat(Demo.answer("finance", id, FundingRequestProcess.VALIDATE_PAYMENT,
                        "{\"decision\":\"APPROVE\"}").status()).isEqualTo(204);
            }
        }
        assertThat(paidThisYear(envelopeId, year)).isEqualByComparingTo("60000.00");
        assertThat(Api.as("admin").put("/envelopes/" + envelopeId + "/payment-credits/" + year,
                "{\"amount\":\"59999.99\"}").status()).as("never below what the year paid").isEqualTo(409);
    }

    @Test
    void shouldForecastEachYearWhatTheSignedSchedulesCallForWhatWasPaidAndTheCredits() {
        // given a 100 000 € subsidy of an envelope of this test signed on 25 % this year and 75 % next year
        JsonNode envelope = Demo.newCdcEnvelope("IT-FORECAST", "1000000.00");
        String code = envelope.get("code").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        int year = today.getYear();
        long id = Demo.instructedRequest(Demo.singleLineRequest("Échéancier prévisionnel", code,
                Demo.organisationId("Caisse des Dépôts"), "100000.00"));
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);
        assertThat(Demo.answer("officer", id, FundingRequestProcess.SIGN_CONVENTION, """
                {"decision": "APPROVE", "schedule": [
                  {"label": "Démarrage", "share": "25.00", "dueOn": "%s"},
                  {"label": "Solde", "share": "75.00", "dueOn": "%s"}]}""".formatted(today,
                LocalDate.of(year + 1, 6, 30))).status()).isEqualTo(204);
        // and the first tranche paid, within this year's 40 000 € of credits
        assertThat(Api.as("admin").put("/envelopes/" + envelope.get("id").asLong() + "/payment-credits/" + year,
                "{\"amount\":\"40000.00\"}").status()).isEqualTo(200);
        evidenceAndPay(id, "Convention signée");

        // when the forecast of the envelope is read
        List<Map<String, String>> rows = ReportsIT.csv("/reports/forecast?format=csv&envelope=" + code);

        // then each year has what its tranches call for, what was paid in it and its credits (none next year)
        assertThat(rows).extracting(r -> String.join(",", r.get("year"), r.get("envelope"), r.get("scheduled"),
                r.get("paid"), r.get("paymentCredits"))).containsExactly(
                year + "," + code + ",25000.00,25000.00,40000.00",
                (year + 1) + "," + code + ",75000.00,0.00,");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("funder")).startsWith("Caisse des Dépôts"));
        assertThat(Api.as("finance").get("/reports/forecast?format=csv").body()).startsWith(
                "year,envelope,funder,scheduled,paid,paymentCredits").contains(code);
        assertThat(Api.as("finance-investor").get("/reports/forecast?format=csv").body())
                .as("another funder's finance sees none of it").doesNotContain(code);
        assertThat(Api.as("officer").get("/reports/forecast?format=csv").status()).isEqualTo(403);
        for (String format : List.of("pdf", "xlsx")) {
            Api.Reply document = Api.as("finance").get("/reports/forecast?format=" + format);
            assertThat(document.status()).as(format).isEqualTo(200);
            assertThat(document.contentType()).as(format).doesNotStartWith("application/problem");
        }
    }

    private static Api.Reply validate(Api finance, long requestId, CountDownLatch start) throws Exception {
        String task = finance.get("/tasks?requestId=" + requestId).json().get("items").get(0).get("id").asText();
        start.await();
        return finance.post("/tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}");
    }

    /** The DISBURSE entries of the year on the envelope, read straight from the ledger. */
    private static BigDecimal paidThisYear(long envelopeId, int year) throws Exception {
        try (Connection db = Sql.connect();
             PreparedStatement query = db.prepareStatement("select coalesce(sum(amount), 0) from ledger_entry "
                     + "where envelope_id = ? and kind = 'DISBURSE' "
                     + "and extract(year from at at time zone 'Europe/Paris') = ?")) {
            query.setLong(1, envelopeId);
            query.setInt(2, year);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBigDecimal(1);
            }
        }
    }

    /** A request of one CDC subsidy on the envelope, approved and its convention signed (30/40/30). */
    static long contracted(String title, String envelopeCode, String amount) {
        long id = Demo.instructedRequest(Demo.singleLineRequest(title, envelopeCode,
                Demo.organisationId("Caisse des Dépôts"), amount));
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);
        assertThat(Demo.answer("officer", id, FundingRequestProcess.SIGN_CONVENTION, "{\"decision\":\"APPROVE\"}")
                .status()).isEqualTo(204);
        return id;
    }

    private static void evidenceAndPay(long id, String evidence) {
        assertThat(Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"" + evidence + "\"}").status()).isEqualTo(204);
        assertThat(Demo.answer("finance", id, FundingRequestProcess.VALIDATE_PAYMENT, "{\"decision\":\"APPROVE\"}")
                .status()).isEqualTo(204);
    }

    private static JsonNode request(long id) {
        return Api.as("officer").get("/requests/" + id).json();
    }

    private static JsonNode commitment(long id) {
        return request(id).get("commitments").get(0);
    }
}
