package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.bpmn.FundingRequestProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After the approvals, on PostgreSQL through the API: the convention, three tranches each evidenced by an officer
 * and validated by finance, and the closing that releases what was not paid.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConventionIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-CONVENTION");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldPayTheTranchesFunderByFunderOnEvidenceAndReleaseTheUnjustifiedRestAtClosing() {
        // given an approved request: CDC 4 M€, the fund 3 M€, the region 2 M€
        long id = Demo.approvedRequest(ENVELOPES, "Convention et tranches").get("id").asLong();
        BigDecimal regionAvailableBefore = Demo.money(Demo.envelope(ENVELOPES.region()), "available");

        // when the officer records the signed convention
        assertThat(Demo.answer("officer", id, FundingRequestProcess.SIGN_CONVENTION,
                "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(204);

        // then the request is contracted with three tranches of 30, 40 and 30 %
        JsonNode contracted = request(id);
        assertThat(contracted.get("status").asText()).isEqualTo("CONTRACTED");
        assertThat(shares(contracted)).containsExactly("30.00", "40.00", "30.00");

        // and an evidence without its text is refused, the task still open
        Api.Reply empty = Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asText()).isEqualTo("comment");

        // when the first tranche is evidenced, each funder's finance is asked its own share only
        evidence(id, "{\"decision\":\"APPROVE\",\"comment\":\"Convention signée\"}");
        String regionShare = paymentTask("finance-region", id);
        assertThat(Api.as("finance-region").get("/tasks?requestId=" + id).json().get("items")).hasSize(1);
        assertThat(Api.as("finance").post("/tasks/" + regionShare + "/complete", "{\"decision\":\"APPROVE\"}")
                .status()).as("the CDC's finance never pays the region's share").isEqualTo(403);
        assertThat(disbursed(id)).containsExactly("0.00", "0.00", "0.00");

        // when each pays
        validate(id, "finance", "finance-investor", "finance-region");

        // then 30 % of each commitment is paid, each funder's validator named on the tranche
        assertThat(disbursed(id)).containsExactly("1200000.00", "900000.00", "600000.00");
        assertThat(request(id).get("tranches").get(0).get("validatedBy").asText())
                .isEqualTo("finance, finance-investor, finance-region");

        // when the region's finance refuses the second evidence while the CDC and the fund pay their shares
        evidence(id, "{\"decision\":\"APPROVE\",\"comment\":\"Rapport à mi-parcours (incomplet)\"}");
        validate(id, "finance");
        assertThat(Demo.answer("finance-region", id, FundingRequestProcess.VALIDATE_PAYMENT,
                "{\"decision\":\"REJECT\"}").status())
                .isEqualTo(204);
        validate(id, "finance-investor");

        // then the region's share waits for the evidence again, and only the region is asked once it is recorded
        assertThat(disbursed(id)).containsExactly("2800000.00", "2100000.00", "600000.00");
        evidence(id, "{\"decision\":\"APPROVE\",\"comment\":\"Rapport à mi-parcours complet\"}");
        assertThat(Api.as("finance").get("/tasks?requestId=" + id).json().get("items")).isEmpty();
        validate(id, "finance-region");
        assertThat(disbursed(id)).containsExactly("2800000.00", "2100000.00", "1400000.00");

        // when the project justifies only 1 800 000,00 € of the 2 700 000,00 € of the last tranche
        Api.Reply tooMuch = Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"Rapport final\",\"amount\":\"2700000.01\"}");
        assertThat(tooMuch.status()).isEqualTo(400);
        evidence(id, "{\"decision\":\"APPROVE\",\"comment\":\"Rapport final\",\"amount\":\"1800000.00\"}");
        validate(id, "finance", "finance-investor", "finance-region");

        // then the last tranche pays it in proportion, the request is closed, and the rest goes back
        JsonNode closed = request(id);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(disbursed(id)).containsExactly("3600000.00", "2700000.00", "1800000.00");
        assertThat(closed.get("commitments")).allSatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("CLOSED");
            assertThat(c.get("committed").asText()).isEqualTo(c.get("disbursed").asText());
        });
        assertThat(Demo.money(Demo.envelope(ENVELOPES.region()), "available"))
                .isEqualByComparingTo(regionAvailableBefore.add(new BigDecimal("200000.00")));
        assertThat(Api.as("admin").get("/ledger/reconciliation").json().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void shouldRefuseTheConventionToAnyoneButAnOfficerThePaymentToAnyoneButFinanceAndACancellationOnceSigned() {
        // given an approved request
        long id = Demo.approvedRequest(ENVELOPES, "Conventions réservées").get("id").asLong();
        String convention = Api.as("officer").get("/tasks?requestId=" + id).json().get("items").get(0).get("id")
                .asText();

        // when finance tries to sign its convention
        Api.Reply byFinance = Api.as("finance").post("/tasks/" + convention + "/complete",
                "{\"decision\":\"APPROVE\"}");

        // then it is refused and the request stays approved
        assertThat(byFinance.status()).isEqualTo(403);
        assertThat(request(id).get("status").asText()).isEqualTo("APPROVED");

        // and once its convention is signed, it can no longer be cancelled
        Demo.answer("officer", id, FundingRequestProcess.SIGN_CONVENTION, "{\"decision\":\"APPROVE\"}");
        Api.Reply cancelled = Api.as("officer").post("/requests/" + id + "/cancel",
                "{\"reason\":\"le porteur se retire\"}");
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(cancelled.contentType()).startsWith("application/problem+json");
        assertThat(request(id).get("status").asText()).isEqualTo("CONTRACTED");
        assertThat(request(id).get("commitments")).allSatisfy(c ->
                assertThat(c.get("status").asText()).isEqualTo("COMMITTED"));

        // and once evidenced, the officer cannot validate the payment
        evidence(id, "{\"decision\":\"APPROVE\",\"comment\":\"Convention signée\"}");
        String validation = Api.as("finance").get("/tasks?requestId=" + id).json().get("items").get(0).get("id")
                .asText();
        assertThat(Api.as("officer").post("/tasks/" + validation + "/complete", "{\"decision\":\"APPROVE\"}")
                .status()).isEqualTo(403);
        assertThat(disbursed(id)).containsExactly("0.00", "0.00", "0.00");
    }

    @Test
    void shouldSignOnTheScheduleTheOfficerTypesAndRefuseOneThatIsNotWhole() {
        // given an approved request
        long id = Demo.approvedRequest(ENVELOPES, "Échéancier convenu").get("id").asLong();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        String later = java.time.LocalDate.parse(today).plusMonths(18).toString();

        // when the officer signs on a schedule whose shares make 90 %, then it is refused naming the schedule, and
        // the convention is still to sign
        Api.Reply refused = Demo.answer("officer", id, FundingRequestProcess.SIGN_CONVENTION, """
                {"decision": "APPROVE", "schedule": [
                  {"label": "Démarrage", "share": "40.00", "dueOn": "%s"},
                  {"label": "Livraison", "share": "50.00", "dueOn": "%s"}]}""".formatted(today, later));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("schedule");
        assertThat(request(id).get("status").asText()).isEqualTo("APPROVED");

        // when he signs on a whole one, then the request is contracted on it, and its first tranche pays 40 %
        assertThat(Demo.answer("officer", id, FundingRequestProcess.SIGN_CONVENTION, """
                {"decision": "APPROVE", "schedule": [
                  {"label": "Démarrage", "share": "40.00", "dueOn": "%s"},
                  {"label": "Livraison", "share": "60.00", "dueOn": "%s"}]}""".formatted(today, later)).status())
                .isEqualTo(204);
        JsonNode contracted = request(id);
        assertThat(contracted.get("status").asText()).isEqualTo("CONTRACTED");
        assertThat(contracted.get("tranches")).extracting(t -> t.get("label").asText() + " " + t.get("share")
                .asText() + " " + t.get("dueOn").asText()).containsExactly("Démarrage 40.00 " + today,
                "Livraison 60.00 " + later);
        evidence(id, "{\"decision\":\"APPROVE\",\"comment\":\"Chantier ouvert\"}");
        validate(id, "finance", "finance-investor", "finance-region");
        assertThat(disbursed(id)).containsExactly("1600000.00", "1200000.00", "800000.00");
    }

    private static void evidence(long id, String body) {
        assertThat(Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE, body).status()).isEqualTo(204);
    }

    /** Each funder's finance, in turn, pays its share of the tranche. */
    private static void validate(long id, String... finances) {
        for (String finance : finances) {
            assertThat(Demo.answer(finance, id, FundingRequestProcess.VALIDATE_PAYMENT,
                    "{\"decision\":\"APPROVE\"}").status()).as(finance).isEqualTo(204);
        }
    }

    private static String paymentTask(String finance, long id) {
        return Api.as(finance).get("/tasks?requestId=" + id).json().get("items").get(0).get("id").asText();
    }

    private static JsonNode request(long id) {
        return Api.as("officer").get("/requests/" + id).json();
    }

    private static List<String> shares(JsonNode request) {
        List<String> shares = new ArrayList<>();
        request.get("tranches").forEach(t -> shares.add(t.get("share").asText()));
        return shares;
    }

    private static List<String> disbursed(long id) {
        List<String> amounts = new ArrayList<>();
        request(id).get("commitments").forEach(c -> amounts.add(c.get("disbursed").asText()));
        return amounts;
    }
}
