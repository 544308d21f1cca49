package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the API — the list taken from the description generated from the resources — called by the
 * approver or the finance team of an organisation that has no part in the request, the commitment, the task or the
 * envelope concerned: 403, or 404 as the API's not-found problem, each time, nothing changes in the database, and its
 * lists, reports and exports hold none of it; then the same calls succeed for the users entitled to them, so that a
 * refusal is never a mistyped path's 404.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OtherOrganisationSweepIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-OTHERORGANISATIONSWEEP");

    private static final String OUTSIDER = "metropole";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    /** The operations that are nobody's in particular: public, or the caller's own password. */
    private static final Set<String> NOT_SWEPT = Set.of("GET /health", "GET /openapi.json", "GET /openapi.yaml",
            "GET /opendata/360giving.json", "GET /opendata/scdl/subventions.csv", "PUT /users/me/password");
    /** Lists, which answer everyone their own rows: checked below to hold none of the fixtures. */
    private static final Set<String> LISTS = Set.of("GET /requests", "GET /tasks", "GET /envelopes");
    /** What any signed-in user reads: the directory of organisations and the programmes. */
    private static final Set<String> DIRECTORY = Set.of("GET /organisations", "GET /programmes",
            "GET /programmes/{code}");

    /** A call of one operation on the fixtures, the user entitled to it, and what it answers him. */
    private record Call(String path, String body, Multipart form, String entitled, int status) {
        static Call of(String path, String body, String entitled, int status) {
            return new Call(path, body, null, entitled, status);
        }

        Api.Reply send(String method, Api api) {
            return switch (method) {
                case "GET" -> api.get(path);
                case "PUT" -> api.put(path, body);
                default -> form == null ? api.post(path, body)
                        : api.post(path, form.sized(), false, "Content-Type", form.contentType());
            };
        }
    }

    @Test
    void shouldRefuseEveryOperationOfTheApiToAnApproverOfAnotherOrganisationThatItsOwnersMayCall()
            throws Exception {
        // given, on an envelope of this test: a convention signed with a payment paid and two asked, two recoveries
        // issued, another convention to close, a document and a finance export; a request awaiting its funder, two drafts,
        // and a user to administer — none of which the metropolis has any part in
        String code = Demo.newCdcEnvelope("IT-SWEEP", "5000000.00").get("code").asText();
        long envelope = Demo.envelope(code).get("id").asLong();
        long contracted = AfterConventionIT.contracted("Balayage – conventionnée", code, "100000.00");
        JsonNode request = Api.as("officer").get("/requests/" + contracted).json();
        long commitment = request.get("commitments").get(0).get("id").asLong();
        long tranche = Demo.firstTranche(request);
        String ask = "{\"amount\":\"1000.00\",\"evidence\":\"Facture\",\"trancheId\":" + tranche + "}";
        String disbursements = "/commitments/" + commitment + "/disbursements";
        long paid = Api.as("officer").post(disbursements, ask).json().get("id").asLong();
        assertThat(Api.as("finance").post(disbursements + "/" + paid + "/validate", null).status()).isEqualTo(200);
        long toValidate = Api.as("officer").post(disbursements, ask).json().get("id").asLong();
        long toRefuse = Api.as("officer").post(disbursements, ask).json().get("id").asLong();
        String recoveries = "/commitments/" + commitment + "/recoveries";
        String recover = "{\"amount\":\"100.00\",\"reason\":\"Dépense inéligible\"}";
        long toCancel = Api.as("finance").post(recoveries, recover).json().get("id").asLong();
        long toReceive = Api.as("finance").post(recoveries, recover).json().get("id").asLong();
        long document = Demo.upload(contracted, "PROJECT", null).get("id").asLong();
        String export = Api.as("finance").post("/reports/commitments/exports?format=csv", null).json().get("id")
                .asText();
        org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS)
                .pollInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .until(() -> Api.as("finance").get("/reports/exports/" + export).json().get("status").asText(),
                        "DONE"::equals);
        long cdc = Demo.organisationId("Caisse des Dépôts");
        long pending = Demo.instructedRequest(Demo.singleLineRequest("Balayage – en décision", code, cdc,
                "50000.00"));
        String task = Api.as("cdc").get("/tasks?requestId=" + pending).json().get("items").get(0).get("id").asText();
        long toClose = Api.as("officer").get("/requests/" + AfterConventionIT.contracted("Balayage – à clore", code,
                "20000.00")).json().get("commitments").get(0).get("id").asLong();
        long draft = Api.as("officer").post("/requests", Demo.singleLineRequest("Balayage – brouillon", code, cdc,
                "40000.00")).json().get("id").asLong();
        long toCancelRequest = Api.as("officer").post("/requests", Demo.singleLineRequest("Balayage – à annuler",
                code, cdc, "40000.00")).json().get("id").asLong();
        String user = "sweep-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        assertThat(Api.as("admin").post("/users", "{\"username\":\"" + user + "\",\"password\":"
                + "\"un mot de passe long\",\"roles\":[\"OFFICER\"],\"organisationId\":" + cdc + "}").status())
                .isEqualTo(201);
        long lead = Demo.organisationId("Agrinova");
        String amendment = """
                {"reason": "Balayage", "eligibleCost": "190000.00", "plan": [
                  {"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "90000.00"},
                  {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "100000.00"}]}
                """.formatted(cdc, code, lead);
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        Multipart file = new Multipart().field("kind", "OTHER").file("annexe.pdf", "application/pdf",
                "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        // and a call of every operation on them, in an order its owners can follow (the draft revised before it is
        // submitted, the task claimed, given back and completed)
        Map<String, Call> calls = new LinkedHashMap<>();
        calls.put("GET /requests/{id}", Call.of("/requests/" + contracted, null, "officer", 200));
        calls.put("PUT /requests/{id}", Call.of("/requests/" + draft, Demo.singleLineRequest("Balayage – revu", code,
                cdc, "45000.00"), "officer", 200));
        calls.put("POST /requests/{id}/submit", Call.of("/requests/" + draft + "/submit", null, "officer", 200));
        calls.put("POST /requests", Call.of("/requests", Demo.singleLineRequest("Balayage – intrus", code, cdc,
                "10000.00"), "officer", 201));
        calls.put("POST /requests/{id}/cancel", Call.of("/requests/" + toCancelRequest + "/cancel",
                "{\"reason\":\"Balayage\"}", "officer", 200));
        calls.put("POST /requests/{id}/amendments", Call.of("/requests/" + contracted + "/amendments", amendment,
                "officer", 201));
        calls.put("GET /requests/{id}/convention", Call.of("/requests/" + contracted + "/convention?format=pdf", null,
                "officer", 200));
        calls.put("GET /requests/{id}/sheet", Call.of("/requests/" + pending + "/sheet?format=pdf", null, "cdc", 200));
        calls.put("GET /requests/{id}/documents", Call.of("/requests/" + contracted + "/documents", null, "officer",
                200));
        calls.put("POST /requests/{id}/documents", new Call("/requests/" + contracted + "/documents", "{}", file,
                "officer", 201));
        calls.put("GET /documents/{id}/content", Call.of("/documents/" + document + "/content", null, "officer", 200));
        calls.put("POST /tasks/{id}/claim", Call.of("/tasks/" + task + "/claim", null, "cdc", 204));
        calls.put("POST /tasks/{id}/unclaim", Call.of("/tasks/" + task + "/unclaim", null, "cdc", 204));
        calls.put("POST /tasks/{id}/complete", Call.of("/tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}",
                "cdc", 204));
        calls.put("GET /envelopes/{id}", Call.of("/envelopes/" + envelope, null, "finance", 200));
        calls.put("GET /envelopes/{id}/entries", Call.of("/envelopes/" + envelope + "/entries", null, "finance", 200));
        calls.put("POST /envelopes", Call.of("/envelopes", "{\"code\":\"IT-SWEEP-NEW-" + suffix + "\",\"name\":"
                + "\"Balayage\",\"ownerOrganisationId\":" + cdc + ",\"ceiling\":\"1.00\"}", "admin", 201));
        calls.put("POST /envelopes/{id}/amendments", Call.of("/envelopes/" + envelope + "/amendments",
                "{\"ceiling\":\"6000000.00\",\"reason\":\"Balayage\"}", "admin", 201));
        calls.put("PUT /envelopes/{id}/payment-credits/{year}", Call.of("/envelopes/" + envelope
                + "/payment-credits/2031", "{\"amount\":\"5000000.00\"}", "admin", 200));
        calls.put("POST /organisations", Call.of("/organisations", "{\"name\":\"Balayage " + suffix + "\","
                + "\"kind\":\"COMPANY\"}", "admin", 201));
        calls.put("POST /programmes", Call.of("/programmes", """
                {"code": "SWEEP-%s", "name": "Balayage", "operatorOrganisationId": %d, "opensOn": "2026-01-01",
                 "themes": ["HOUSING"], "indicators": []}""".formatted(suffix, cdc), "admin", 201));
        calls.put("GET /commitments/{id}", Call.of("/commitments/" + commitment, null, "finance", 200));
        calls.put("POST /commitments/{id}/disbursements", Call.of(disbursements, ask, "officer", 201));
        calls.put("POST /commitments/{id}/disbursements/{disbursementId}/validate", Call.of(disbursements + "/"
                + toValidate + "/validate", null, "finance", 200));
        calls.put("POST /commitments/{id}/disbursements/{disbursementId}/refuse", Call.of(disbursements + "/"
                + toRefuse + "/refuse", null, "finance", 200));
        calls.put("POST /commitments/{id}/recoveries", Call.of(recoveries, recover, "finance", 201));
        calls.put("POST /commitments/{id}/recoveries/{recoveryId}/cancel", Call.of(recoveries + "/" + toCancel
                + "/cancel", null, "finance", 200));
        calls.put("POST /commitments/{id}/recoveries/{recoveryId}/received", Call.of(recoveries + "/" + toReceive
                + "/received", null, "finance", 200));
        calls.put("GET /ledger/reconciliation", Call.of("/ledger/reconciliation", null, "finance", 200));
        calls.put("GET /reports/{name}", Call.of("/reports/commitments?format=csv", null, "finance", 200));
        calls.put("POST /reports/{name}/exports", Call.of("/reports/commitments/exports?format=csv", null, "finance",
                202));
        calls.put("GET /reports/exports/{id}", Call.of("/reports/exports/" + export, null, "finance", 200));
        calls.put("GET /reports/exports/{id}/content", Call.of("/reports/exports/" + export + "/content", null,
                "finance", 200));
        calls.put("GET /users", Call.of("/users", null, "admin", 200));
        calls.put("POST /users", Call.of("/users", "{\"username\":\"" + user + "-2\",\"password\":\"un mot de "
                + "passe long\",\"roles\":[\"OFFICER\"]}", "admin", 201));
        calls.put("PUT /users/{username}/roles", Call.of("/users/" + user + "/roles", "{\"roles\":[\"OFFICER\","
                + "\"FINANCE\"]}", "admin", 200));
        calls.put("PUT /users/{username}/enabled", Call.of("/users/" + user + "/enabled", "{\"enabled\":false}",
                "admin", 200));
        calls.put("PUT /users/{username}/password", Call.of("/users/" + user + "/password", "{\"password\":"
                + "\"un autre mot de passe\"}", "admin", 200));
        calls.put("POST /commitments/{id}/close", Call.of("/commitments/" + toClose + "/close", null, "finance",
                200));

        // then the sweep holds every operation the resources declare (the description the build generated from
        // them), so that a new endpoint cannot be forgotten
        Set<String> swept = new TreeSet<>(calls.keySet());
        swept.addAll(LISTS);
        swept.addAll(DIRECTORY);
        swept.addAll(NOT_SWEPT);
        assertThat(swept).isEqualTo(operations());

        // when the outsider makes each call, then each is refused — 403, or 404 as the API's not-found problem — and
        // nothing changes
        String before = snapshot();
        Api outsider = Api.as(OUTSIDER);
        List<String> refusals = new ArrayList<>();
        calls.forEach((operation, call) -> {
            Api.Reply reply = call.send(operation.substring(0, operation.indexOf(' ')), outsider);
            String type = reply.contentType().startsWith("application/problem+json")
                    ? reply.json().get("type").asText() : reply.contentType();
            refusals.add(operation + " -> " + reply.status() + " " + type);
        });
        assertThat(refusals).allSatisfy(r -> assertThat(r).matches(
                ".* -> (403 https://cofinance.org/problems/(forbidden|segregation-of-duties)"
                        + "|404 https://cofinance.org/problems/not-found)"));
        assertThat(snapshot()).isEqualTo(before);

        // and his lists hold none of it, while the directory answers him
        assertThat(outsider.get("/requests?size=500").json().get("items"))
                .noneSatisfy(r -> assertThat(r.get("title").asText()).startsWith("Balayage"));
        assertThat(outsider.get("/tasks?requestId=" + pending).json().get("items")).isEmpty();
        assertThat(outsider.get("/envelopes?size=500").json().get("items"))
                .noneSatisfy(e -> assertThat(e.get("code").asText()).isEqualTo(code));
        assertThat(outsider.get("/organisations?size=500").status()).isEqualTo(200);
        String programme = outsider.get("/programmes").json().get("items").get(0).get("code").asText();
        assertThat(outsider.get("/programmes/" + programme).status()).isEqualTo(200);

        // when the users entitled to them make the same calls, then each succeeds: the paths are real ones
        List<String> answers = new ArrayList<>();
        calls.forEach((operation, call) -> {
            Api.Reply reply = call.send(operation.substring(0, operation.indexOf(' ')), Api.as(call.entitled()));
            answers.add(operation + " as " + call.entitled() + " -> " + reply.status()
                    + (reply.status() == call.status() ? "" : " " + reply.body()));
        });
        List<String> expected = new ArrayList<>();
        calls.forEach((operation, call) -> expected.add(operation + " as " + call.entitled() + " -> " + call.status()));
        assertThat(answers).isEqualTo(expected);
    }

    /** Every operation of the API, from the OpenAPI description the build generated from its resources. */
    private static Set<String> operations() throws java.io.IOException {
        JsonNode paths = new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.nio.file.Path.of(
                "target/api-description/WEB-INF/classes/META-INF/openapi/openapi.json").toFile()).get("paths");
        Set<String> operations = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    @Test
    void shouldShowAndLetPayAFinanceTeamItsOrganisationsMoneyOnly() throws SQLException {
        // given a contracted request of the CDC, the fund and the region, with a payment asked on the fund's
        // commitment and the first tranche's evidence recorded (each funder's share asked)
        JsonNode contracted = Demo.contractedRequest(ENVELOPES, "Balayage – finances");
        long requestId = contracted.get("id").asLong();
        String reference = contracted.get("reference").asText();
        long fundCommitment = LedgerIT.commitmentOn(contracted, ENVELOPES.fund()).get("id").asLong();
        long asked = Api.as("officer").post("/commitments/" + fundCommitment + "/disbursements",
                "{\"amount\":\"1000.00\",\"evidence\":\"facture\",\"trancheId\":" + Demo.firstTranche(contracted)
                        + "}").json().get("id").asLong();
        Demo.answer("officer", requestId, org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"Convention signée\"}");
        String fundShare = Api.as("finance-investor").get("/tasks?requestId=" + requestId).json().get("items").get(0)
                .get("id").asText();
        long fundEnvelope = Demo.envelope(ENVELOPES.fund()).get("id").asLong();
        List<String> metropolises = ownedBy("Dijon Métropole");
        String before = snapshot();

        // when the finance team of the metropolis, which funds none of it, reads, pays and exports it
        Api outsider = Api.as("finance-metropole");
        List<String> answers = new ArrayList<>();
        for (String[] call : List.of(new String[] {"GET", "/requests/" + requestId},
                new String[] {"GET", "/requests/" + requestId + "/sheet?format=pdf"},
                new String[] {"GET", "/commitments/" + fundCommitment},
                new String[] {"GET", "/envelopes/" + fundEnvelope},
                new String[] {"GET", "/envelopes/" + fundEnvelope + "/entries"},
                new String[] {"POST", "/commitments/" + fundCommitment + "/disbursements/" + asked + "/validate"},
                new String[] {"POST", "/commitments/" + fundCommitment + "/disbursements/" + asked + "/refuse"},
                new String[] {"POST", "/commitments/" + fundCommitment + "/close"},
                new String[] {"POST", "/tasks/" + fundShare + "/claim"},
                new String[] {"POST", "/tasks/" + fundShare + "/complete"})) {
            Api.Reply reply = "GET".equals(call[0]) ? outsider.get(call[1])
                    : outsider.post(call[1], call[1].endsWith("complete") ? "{\"decision\":\"APPROVE\"}" : null);
            answers.add(call[0] + " " + call[1] + " -> " + reply.status());
        }

        // then each is refused, nothing changed, and its lists and reports hold none of it
        assertThat(answers).allSatisfy(a -> assertThat(a).matches(".* -> (403|404)"));
        assertThat(snapshot()).isEqualTo(before);
        assertThat(metropolises).contains("DIJON-METRO");
        assertThat(outsider.get("/envelopes?size=500").json().get("items")).extracting(e -> e.get("code").asText())
                .containsExactlyInAnyOrderElementsOf(metropolises);
        assertThat(outsider.get("/requests?size=500").json().get("items")).noneSatisfy(r ->
                assertThat(r.get("reference").asText()).isEqualTo(reference));
        assertThat(outsider.get("/tasks?requestId=" + requestId).json().get("items")).isEmpty();
        assertThat(outsider.get("/ledger/reconciliation").json().get("envelopes"))
                .extracting(e -> e.get("code").asText()).containsExactlyInAnyOrderElementsOf(metropolises);
        assertThat(codes(outsider, "envelope-status")).containsExactlyInAnyOrderElementsOf(metropolises);
        for (String report : List.of("commitments", "pipeline", "disbursements", "audit")) {
            assertThat(outsider.get("/reports/" + report + "?format=csv").body()).as(report)
                    .doesNotContain(reference).doesNotContain(ENVELOPES.fund()).doesNotContain(ENVELOPES.cdc())
                    .doesNotContain("FONDS-IMMO").doesNotContain("AMI-TIGA");
        }
        String exportId = outsider.post("/reports/commitments/exports?format=csv", null).json().get("id").asText();
        org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS)
                .pollInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .until(() -> outsider.get("/reports/exports/" + exportId).json().get("status").asText(),
                        status -> status.equals("DONE"));
        assertThat(outsider.get("/reports/exports/" + exportId + "/content").body()).doesNotContain(reference);

        // while the fund's finance team sees its own money and the co-financed request's whole plan, the CDC's
        // its own envelopes, and the administrator everything
        Api fund = Api.as("finance-investor");
        assertThat(fund.get("/commitments/" + fundCommitment).status()).isEqualTo(200);
        assertThat(fund.get("/requests/" + requestId).json().get("plan")).hasSize(4);
        assertThat(codes(fund, "envelope-status")).contains(ENVELOPES.fund())
                .containsExactlyInAnyOrderElementsOf(ownedBy("Fonds Résidence"));
        assertThat(fund.get("/reports/commitments?format=csv").body()).contains(reference + ",")
                .doesNotContain(ENVELOPES.cdcSub()).doesNotContain("AMI-TIGA-SUB");
        assertThat(codes(Api.as("finance"), "envelope-status")).contains(ENVELOPES.cdc(), ENVELOPES.cdcSub())
                .containsExactlyInAnyOrderElementsOf(ownedBy("Caisse des Dépôts"));
        assertThat(codes(Api.as("admin"), "envelope-status")).contains(ENVELOPES.cdc(), ENVELOPES.fund(),
                ENVELOPES.region(), "DIJON-METRO");
        assertThat(fund.post("/tasks/" + fundShare + "/complete", "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(204);
    }

    /** The codes of the envelopes that organisation owns, as the administrator lists them. */
    private static List<String> ownedBy(String organisation) {
        long owner = Demo.organisationId(organisation);
        List<String> codes = new ArrayList<>();
        Api.as("admin").get("/envelopes?size=500").json().get("items").forEach(e -> {
            if (e.get("ownerOrganisationId").asLong() == owner) {
                codes.add(e.get("code").asText());
            }
        });
        return codes;
    }

    /** The envelope codes of the envelope-status report as that user exports it. */
    private static List<String> codes(Api api, String report) {
        return api.get("/reports/" + report + "?format=csv").body().lines().skip(1).map(l -> l.split(",")[0])
                .toList();
    }

    /** What a refused call must not change: requests, tasks, ledger, commitments, disbursements, references. */
    private static String snapshot() throws SQLException {
        try (Connection db = Sql.connect(); Statement sql = db.createStatement()) {
            StringBuilder state = new StringBuilder();
            for (String query : List.of(
                    "select count(*), coalesce(sum(id), 0) from ledger_entry",
                    "select string_agg(id || ':' || status, ',' order by id) from funding_request",
                    "select string_agg(id || ':' || status || ':' || committed || ':' || disbursed, ',' order by id)"
                            + " from commitment",
                    "select string_agg(id || ':' || status, ',' order by id) from disbursement",
                    "select string_agg(id_ || ':' || coalesce(assignee_, '-'), ',' order by id_) from act_ru_task",
                    "select count(*) from envelope", "select count(*) from organisation",
                    "select string_agg(code || ':' || ceiling, ',' order by code) from envelope",
                    "select count(*) from report_export",
                    "select string_agg(u.username || ':' || u.enabled || ':' || u.password_hash, ',' "
                            + "order by u.username) from app_user u",
                    "select string_agg(username || ':' || role, ',' order by username, role) from app_user_role",
                    "select count(*) from user_event", "select count(*), coalesce(sum(size), 0) from document")) {
                try (ResultSet rows = sql.executeQuery(query)) {
                    rows.next();
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        state.append(rows.getString(i)).append('|');
                    }
                }
                state.append('\n');
            }
            return state.toString();
        }
    }
}
