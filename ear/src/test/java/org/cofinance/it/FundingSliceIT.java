package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The walking skeleton's slice over HTTP, on the built EAR and PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FundingSliceIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-FUNDINGSLICE");

    private static final BigDecimal FOUR_MILLION = new BigDecimal("4000000.00");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldAnswerHealthUpWithoutCredentials() {
        Api.Reply health = Api.anonymous().get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void shouldReserveOnSubmitAndCommitWhenEveryFunderApproves() throws IOException {
        // given the envelopes' balances before
        JsonNode subBefore = Demo.envelope(ENVELOPES.cdcSub());
        JsonNode tigaBefore = Demo.envelope(ENVELOPES.cdc());

        // when an officer creates and submits a balanced request
        Api.Reply created = Api.as("officer").post("/requests",
                Demo.balancedRequest(ENVELOPES, "Résidence de 300 chercheurs"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).isPresent();
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
        Api.Reply submitted = Api.as("officer").post("/requests/" + id + "/submit", null);
        assertThat(submitted.status()).isEqualTo(200);

        // then the eligible request waits for its instruction, nothing reserved yet
        assertThat(submitted.json().get("status").asText()).isEqualTo("IN_INSTRUCTION");
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "reserved"))
                .isEqualByComparingTo(Demo.money(subBefore, "reserved"));

        // when the officer instructs it favourably
        assertThat(Demo.instruct(id).status()).isEqualTo(204);

        // then each line is reserved on its envelope and on the parent, and the request awaits its funders
        assertThat(Api.as("officer").get("/requests/" + id).json().get("status").asText())
                .isEqualTo("AWAITING_DECISIONS");
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "reserved"))
                .isEqualByComparingTo(Demo.money(subBefore, "reserved").add(FOUR_MILLION));
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdc()), "reserved"))
                .isEqualByComparingTo(Demo.money(tigaBefore, "reserved").add(FOUR_MILLION));

        // when each approver works his own task from his task list
        List<String> organisationsSeen = new ArrayList<>();
        for (String approver : List.of("cdc", "investor", "region")) {
            JsonNode tasks = Api.as(approver).get("/tasks?requestId=" + id).json();
            assertThat(tasks.get("total").asInt()).as(approver + "'s tasks").isEqualTo(1);
            JsonNode task = tasks.get("items").get(0);
            organisationsSeen.add(task.get("organisationId").asText());
            String taskId = task.get("id").asText();
            assertThat(Api.as(approver).post("/tasks/" + taskId + "/claim", null).status()).isEqualTo(204);
            assertThat(Api.as(approver).post("/tasks/" + taskId + "/complete", "{\"decision\": \"APPROVE\"}")
                    .status()).isEqualTo(204);
        }

        // then the reservations became commitments with the last approval
        assertThat(organisationsSeen).doesNotHaveDuplicates();
        JsonNode request = Api.as("officer").get("/requests/" + id).json();
        assertThat(request.get("status").asText()).isEqualTo("APPROVED");
        assertThat(request.get("decisions")).hasSize(3);
        assertThat(request.get("commitments")).hasSize(3).allSatisfy(c ->
                assertThat(c.get("status").asText()).isEqualTo("COMMITTED"));
        JsonNode sub = Demo.envelope(ENVELOPES.cdcSub());
        assertThat(Demo.money(sub, "reserved")).isEqualByComparingTo(Demo.money(subBefore, "reserved"));
        assertThat(Demo.money(sub, "committed"))
                .isEqualByComparingTo(Demo.money(subBefore, "committed").add(FOUR_MILLION));
        assertThat(Demo.money(sub, "available"))
                .isEqualByComparingTo(Demo.money(subBefore, "available").subtract(FOUR_MILLION));
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdc()), "committed"))
                .isEqualByComparingTo(Demo.money(tigaBefore, "committed").add(FOUR_MILLION));

        // and the ledger shows the reservation then the posting, by their authors
        JsonNode entries = Api.as("finance").get("/envelopes/" + sub.get("id").asLong() + "/entries?size=500")
                .json().get("items");
        List<String> kinds = new ArrayList<>();
        entries.forEach(e -> {
            if (e.get("requestId") != null && e.get("requestId").asLong() == id) {
                kinds.add(e.get("kind").asText() + " " + e.get("amount").asText() + " " + e.get("author").asText());
            }
        });
        assertThat(kinds).containsExactly("RESERVE 4000000.00 officer", "POST 4000000.00 region");
        assertThat(request.get("instructedBy").asText()).isEqualTo("officer");

        // and the envelope report, filled by JasperReports, prints the new figures (the administrator's: every
        // organisation's envelopes)
        Api.Reply report = Api.as("admin").get("/reports/envelope-status?format=pdf");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(report.bytes())) {
            // a code too long for its column is wrapped at a hyphen: read it whole again
            String text = new PDFTextStripper().getText(pdf).replace('\u202F', ' ').replace('\u00A0', ' ')
                    .replace("-\n", "-");
            assertThat(text).contains("État des enveloppes", ENVELOPES.cdcSub(), ENVELOPES.fund(),
                    french(Demo.money(sub, "available")));
        }
    }

    @Test
    void shouldCloseARequestThatBreaksTheCallsRulesWithEveryReason() {
        // given a 90,000 € request of which the CDC would pay 80,000 €
        long cdc = Demo.organisationId("Caisse des Dépôts");
        long lead = Demo.organisationId("Agrinova");
        BigDecimal reservedBefore = Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "reserved");
        long id = Api.as("officer").post("/requests", """
                {"title": "Too small", "territory": "Quetigny", "theme": "DIGITAL", "leadOrganisationId": %d,
                 "eligibleCost": "90000.00",
                 "plan": [{"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY",
                           "amount": "80000.00"},
                          {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING",
                           "amount": "10000.00"}]}
                """.formatted(lead, cdc, ENVELOPES.cdcSub(), lead)).json().get("id").asLong();

        // when it is submitted
        JsonNode request = Api.as("officer").post("/requests/" + id + "/submit", null).json();

        // then it is closed ineligible with each broken rule, and nothing is reserved
        assertThat(request.get("status").asText()).isEqualTo("INELIGIBLE");
        List<String> reasons = new ArrayList<>();
        request.get("ineligibilityReasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).containsExactlyInAnyOrder("COST_BELOW_100000", "PUBLIC_SHARE_ABOVE_80",
                "PRIVATE_SHARE_BELOW_20");
        assertThat(request.get("commitments")).isEmpty();
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "reserved")).isEqualByComparingTo(reservedBefore);
        assertThat(Api.as("cdc").get("/tasks?requestId=" + id).json().get("total").asInt()).isZero();
    }

    @Test
    void shouldCancelARequestAtEachStageAndGiveItsMoneyBack() {
        BigDecimal reservedBefore = Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "reserved");
        BigDecimal committedBefore = Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "committed");
        String reason = "{\"reason\": \"the project lead withdrew\"}";

        // a draft
        long draft = Demo.draft(ENVELOPES, "Cancelled draft");
        assertThat(Api.as("officer").post("/requests/" + draft + "/cancel", reason).json().get("status").asText())
                .isEqualTo("CANCELLED");

        // while its funders decide: the reservations are voided and the tasks withdrawn
        long deciding = Demo.submittedRequest(ENVELOPES, "Cancelled while deciding");
        Demo.decide("cdc", deciding, "APPROVE");
        Api.Reply cancelled = Api.as("officer").post("/requests/" + deciding + "/cancel", reason);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("commitments")).allSatisfy(c ->
                assertThat(c.get("status").asText()).isEqualTo("RELEASED"));
        assertThat(Api.as("investor").get("/tasks?requestId=" + deciding).json().get("total").asInt()).isZero();
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "reserved")).isEqualByComparingTo(reservedBefore);

        // once approved, before its convention: the commitments return to the envelopes
        JsonNode approved = Demo.approvedRequest(ENVELOPES, "Cancelled once approved");
        long approvedId = approved.get("id").asLong();
        JsonNode after = Api.as("officer").post("/requests/" + approvedId + "/cancel", reason).json();
        assertThat(after.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("commitments")).allSatisfy(c -> {
            assertThat(c.get("status").asText()).isEqualTo("CLOSED");
            assertThat(c.get("committed").asText()).isEqualTo("0.00");
        });
        assertThat(Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "committed")).isEqualByComparingTo(committedBefore);

        // but never twice, never without a reason, never by someone else than an officer
        assertThat(Api.as("officer").post("/requests/" + approvedId + "/cancel", reason).status()).isEqualTo(409);
        long other = Demo.submittedRequest(ENVELOPES, "Not cancelled");
        assertThat(Api.as("officer").post("/requests/" + other + "/cancel", "{}").status()).isEqualTo(400);
        assertThat(Api.as("cdc").post("/requests/" + other + "/cancel", reason).status()).isEqualTo(403);
        assertThat(Api.as("officer").get("/requests/" + other).json().get("status").asText())
                .isEqualTo("AWAITING_DECISIONS");
        JsonNode reconciliation = Api.as("admin").get("/ledger/reconciliation").json();
        assertThat(reconciliation.get("consistent").asBoolean()).as(reconciliation.toString()).isTrue();
    }

    @Test
    void shouldReplayACreationWithTheSameIdempotencyKeyAndRefuseAnotherBody() {
        String body = Demo.balancedRequest(ENVELOPES, "Idempotent request");
        Api.Reply first = Api.as("officer").post("/requests", body, "Idempotency-Key", "slice-key-1");
        Api.Reply again = Api.as("officer").post("/requests", body, "Idempotency-Key", "slice-key-1");
        Api.Reply other = Api.as("officer").post("/requests", Demo.balancedRequest(ENVELOPES, "Another body"),
                "Idempotency-Key", "slice-key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    private static String french(BigDecimal amount) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.FRANCE);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount).replace('\u202F', ' ').replace('\u00A0', ' ') + " €";
    }
}
