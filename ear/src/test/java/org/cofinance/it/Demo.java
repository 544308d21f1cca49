package org.cofinance.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.cofinance.bpmn.FundingRequestProcess;

/** Looks up the demo data through the API, and builds the requests the tests send. */
final class Demo {

    private Demo() {
    }

    static long organisationId(String nameStart) {
        for (JsonNode o : Api.as("admin").get("/organisations?size=500").json().get("items")) {
            if (o.get("name").asText().startsWith(nameStart)) {
                return o.get("id").asLong();
            }
        }
        throw new IllegalStateException("no demo organisation " + nameStart);
    }

    static JsonNode envelope(String code) {
        for (JsonNode e : Api.as("admin").get("/envelopes?size=500").json().get("items")) {
            if (e.get("code").asText().equals(code)) {
                return e;
            }
        }
        throw new IllegalStateException("no demo envelope " + code);
    }

    static BigDecimal money(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    /** A request created, submitted and approved by its three funders; its JSON after the last approval. */
    static JsonNode approvedRequest(Envelopes envelopes, String title) {
        long id = submittedRequest(envelopes, title);
        for (String approver : java.util.List.of("cdc", "investor", "region")) {
            decide(approver, id, "APPROVE");
        }
        return Api.as("officer").get("/requests/" + id).json();
    }

    /** A request approved by its three funders whose convention the officer signed: its JSON then. */
    static JsonNode contractedRequest(Envelopes envelopes, String title) {
        long id = approvedRequest(envelopes, title).get("id").asLong();
        answer("officer", id, org.cofinance.bpmn.FundingRequestProcess.SIGN_CONVENTION, "{\"decision\":\"APPROVE\"}");
        return Api.as("officer").get("/requests/" + id).json();
    }

    /** The id of the first tranche of a contracted request's schedule. */
    static long firstTranche(JsonNode request) {
        return Api.as("officer").get("/requests/" + request.get("id").asLong()).json().get("tranches").get(0)
                .get("id").asLong();
    }

    /** A balanced request the officer created, still a draft: its id. */
    static long draft(Envelopes envelopes, String title) {
        Api.Reply created = Api.as("officer").post("/requests", balancedRequest(envelopes, title));
        if (created.status() != 201) {
            throw new IllegalStateException("request not created: " + created.body());
        }
        return created.json().get("id").asLong();
    }

    /** A request created, submitted and instructed favourably: its funders now decide. */
    static long submittedRequest(Envelopes envelopes, String title) {
        return instructedRequest(balancedRequest(envelopes, title));
    }

    static long instructedRequest(String body) {
        long id = Api.as("officer").post("/requests", body).json().get("id").asLong();
        Api.Reply submitted = Api.as("officer").post("/requests/" + id + "/submit", null);
        if (submitted.status() != 200) {
            throw new IllegalStateException("submission failed: " + submitted.body());
        }
        Api.Reply instructed = instruct(id);
        if (instructed.status() != 204) {
            throw new IllegalStateException("instruction failed: " + instructed.body());
        }
        return id;
    }

    /** The officer's favourable instruction of a submitted request. */
    static Api.Reply instruct(long requestId) {
        JsonNode tasks = Api.as("officer").get("/tasks?requestId=" + requestId).json().get("items");
        for (JsonNode task : tasks) {
            if (task.get("taskType").asText().equals(FundingRequestProcess.INSTRUCT)) {
                Api.Reply reply = Api.as("officer").post("/tasks/" + task.get("id").asText() + "/complete",
                        "{\"decision\": \"APPROVE\"}");
                if (reply.status() == 204) {
                    awaitReservation(requestId);
                }
                return reply;
            }
        }
        throw new IllegalStateException("no instruction task for request " + requestId + ": " + tasks);
    }

    /**
     * Waits for the reservation, a job of its own after the officer's answer, to have run: the request then awaits
     * its funders or is in arbitration.
     */
    static void awaitReservation(long requestId) {
        org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS)
                .pollInterval(50, java.util.concurrent.TimeUnit.MILLISECONDS)
                .until(() -> java.util.Set.of("AWAITING_DECISIONS", "IN_ARBITRATION").contains(
                        Api.as("officer").get("/requests/" + requestId).json().get("status").asText()));
    }

    /**
     * Completes the user's task of that type on the request with the given answer body, after keeping the document
     * the task asks for: the signed convention before its signature, the tranche's evidence before its evidence.
     */
    static Api.Reply answer(String user, long requestId, String taskType, String body) {
        JsonNode tasks = Api.as(user).get("/tasks?requestId=" + requestId).json().get("items");
        for (JsonNode task : tasks) {
            if (task.get("taskType").asText().equals(taskType)) {
                if (FundingRequestProcess.SIGN_CONVENTION.equals(taskType)) {
                    upload(requestId, "CONVENTION_SIGNED", null);
                } else if (FundingRequestProcess.RECORD_EVIDENCE.equals(taskType)) {
                    upload(requestId, "EVIDENCE", task.get("trancheId").asLong());
                }
                return Api.as(user).post("/tasks/" + task.get("id").asText() + "/complete", body);
            }
        }
        throw new IllegalStateException("no " + taskType + " task for " + user + " on request " + requestId + ": "
                + tasks);
    }

    /** A one-page PDF the officer keeps with the request, of that kind (and tranche, for evidence): its JSON. */
    static JsonNode upload(long requestId, String kind, Long trancheId) {
        Multipart body = new Multipart().field("kind", kind);
        if (trancheId != null) {
            body.field("trancheId", trancheId.toString());
        }
        body.file(kind.toLowerCase(java.util.Locale.ROOT) + ".pdf", "application/pdf", ("%PDF-1.4\n1 0 obj << /Type "
                + "/Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        Api.Reply kept = Api.as("officer").post("/requests/" + requestId + "/documents", body.sized(), false,
                "Content-Type", body.contentType());
        if (kept.status() != 201) {
            throw new IllegalStateException("the " + kind + " document was refused: " + kept.body());
        }
        return kept.json();
    }

    static Api.Reply decide(String approver, long requestId, String decision) {
        String taskId = Api.as(approver).get("/tasks?requestId=" + requestId).json().get("items").get(0).get("id")
                .asText();
        return Api.as(approver).post("/tasks/" + taskId + "/complete", "{\"decision\": \"" + decision + "\"}");
    }

    /**
     * A request of one envelope line and the lead's own share, balanced and eligible: the lead (a company) brings
     * the same amount plus 100,000 €, so the cost is above the call's floor and public money below half of it.
     */
    static String singleLineRequest(String title, String envelopeCode, long funderId, String amount) {
        long lead = organisationId("Agrinova");
        String own = new BigDecimal(amount).add(new BigDecimal("100000.00")).toPlainString();
        return """
                {"title": "%s", "territory": "Quetigny", "theme": "DIGITAL", "leadOrganisationId": %d,
                 "eligibleCost": "%s",
                 "plan": [
                   {"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "%s"},
                   {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "%s"}]}
                """.formatted(title, lead, new BigDecimal(amount).add(new BigDecimal(own)).toPlainString(),
                funderId, envelopeCode, amount, lead, own);
    }

    /** A new envelope of the CDC, opened by the administrator; its JSON. */
    static JsonNode newCdcEnvelope(String prefix, String ceiling) {
        String code = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        Api.Reply created = Api.as("admin").post("/envelopes", """
                {"code": "%s", "name": "Test envelope", "ownerOrganisationId": %d, "ceiling": "%s"}
                """.formatted(code, organisationId("Caisse des Dépôts"), ceiling));
        if (created.status() != 201) {
            throw new IllegalStateException("envelope not created: " + created.body());
        }
        return created.json();
    }

    /**
     * A balanced 12 M€ plan on the test class's envelopes: CDC 4 M€ subsidy, the fund 3 M€ equity, the region 2 M€,
     * the lead 3 M€ of its own.
     */
    static String balancedRequest(Envelopes envelopes, String title) {
        return """
                {"title": "%s", "territory": "Dijon Métropole", "theme": "HOUSING", "leadOrganisationId": %d,
                 "eligibleCost": "12000000.00",
                 "plan": [
                   {"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "4000000.00"},
                   {"organisationId": %d, "envelopeCode": "%s", "instrument": "EQUITY", "amount": "3000000.00"},
                   {"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "2000000.00"},
                   {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "3000000.00"}]}
                """.formatted(title, organisationId("Agrinova"), organisationId("Caisse des Dépôts"),
                envelopes.cdcSub(), organisationId("Fonds Résidence"), envelopes.fund(), organisationId("Région"),
                envelopes.region(), organisationId("Agrinova"));
    }
}
