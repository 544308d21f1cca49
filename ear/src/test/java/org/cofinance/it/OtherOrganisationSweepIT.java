package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every endpoint of the API, called by the approver or the finance team of an organisation that has no part in the
 * request, the commitment, the task or the envelope concerned: 403 or 404 each time, nothing changes in the database,
 * and its lists, reports and exports hold none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OtherOrganisationSweepIT {

    private static final String OUTSIDER = "metropole";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldRefuseEveryEndpointToAnApproverOfAnotherOrganisation() throws SQLException {
        // given a contracted request with a paid tranche, a request awaiting decisions, and a draft, none of which
        // the metropolis funds
        JsonNode approved = Demo.contractedRequest("Balayage – approuvée");
        long commitmentId = approved.get("commitments").get(0).get("id").asLong();
        JsonNode asked = Api.as("officer").post("/commitments/" + commitmentId + "/disbursements",
                "{\"amount\":\"1000.00\",\"evidence\":\"PV de démarrage\",\"trancheId\":"
                        + Demo.firstTranche(approved) + "}").json();
        long disbursementId = asked.get("id").asLong();
        long pendingId = Demo.submittedRequest("Balayage – en décision");
        String taskId = Api.as("cdc").get("/tasks?requestId=" + pendingId).json().get("items").get(0).get("id")
                .asText();
        long draftId = Api.as("officer").post("/requests", Demo.balancedRequest("Balayage – brouillon")).json()
                .get("id").asLong();
        long fundEnvelopeId = Demo.envelope("FONDS-IMMO").get("id").asLong();
        String intrudersRequest = Demo.balancedRequest("Balayage – intrus");
        String before = snapshot();

        // when the outsider calls every endpoint on them
        List<String> answers = new ArrayList<>();
        Api api = Api.as(OUTSIDER);
        record Call(String method, String path, String body) {
        }
        long documentId = Api.as("officer").get("/requests/" + approved.get("id").asLong() + "/documents").json()
                .get("items").get(0).get("id").asLong();
        List<Call> calls = List.of(
                new Call("GET", "/requests/" + approved.get("id").asLong(), null),
                new Call("GET", "/requests/" + approved.get("id").asLong() + "/documents", null),
                new Call("GET", "/documents/" + documentId + "/content", null),
                new Call("POST", "/requests/" + approved.get("id").asLong() + "/documents", "{}"),
                new Call("GET", "/requests/" + approved.get("id").asLong() + "/convention?format=pdf", null),
                new Call("GET", "/requests/" + pendingId, null),
                new Call("GET", "/requests/" + draftId, null),
                new Call("GET", "/requests/" + pendingId + "/sheet?format=pdf", null),
                new Call("POST", "/requests", intrudersRequest),
                new Call("POST", "/requests/" + draftId + "/submit", null),
                new Call("POST", "/requests/" + pendingId + "/cancel", "{\"reason\":\"intrusion\"}"),
                new Call("POST", "/tasks/" + taskId + "/claim", null),
                new Call("POST", "/tasks/" + taskId + "/unclaim", null),
                new Call("POST", "/tasks/" + taskId + "/complete", "{\"decision\":\"REJECT\"}"),
                new Call("GET", "/envelopes/" + fundEnvelopeId, null),
                new Call("GET", "/envelopes/" + fundEnvelopeId + "/entries", null),
                new Call("POST", "/envelopes", "{\"code\":\"INTRUS\",\"name\":\"x\",\"ownerOrganisationId\":1,"
                        + "\"ceiling\":\"1.00\"}"),
                new Call("POST", "/envelopes/" + fundEnvelopeId + "/amendments",
                        "{\"ceiling\":\"1.00\",\"reason\":\"intrusion\"}"),
                new Call("POST", "/organisations", "{\"name\":\"Intrus\",\"kind\":\"COMPANY\"}"),
                new Call("GET", "/commitments/" + commitmentId, null),
                new Call("POST", "/commitments/" + commitmentId + "/disbursements",
                        "{\"amount\":\"1.00\",\"evidence\":\"x\",\"trancheId\":" + Demo.firstTranche(approved) + "}"),
                new Call("POST", "/commitments/" + commitmentId + "/disbursements/" + disbursementId + "/validate",
                        null),
                new Call("POST", "/commitments/" + commitmentId + "/disbursements/" + disbursementId + "/refuse",
                        null),
                new Call("POST", "/commitments/" + commitmentId + "/close", null),
                new Call("GET", "/reports/envelope-status?format=csv", null),
                new Call("GET", "/reports/commitments?format=csv", null),
                new Call("GET", "/reports/audit?format=csv", null),
                new Call("POST", "/reports/commitments/exports?format=csv", null),
                new Call("GET", "/ledger/reconciliation", null),
                new Call("GET", "/users", null),
                new Call("POST", "/users", "{\"username\":\"intrus\",\"password\":\"mot de passe long\","
                        + "\"roles\":[\"ADMIN\"]}"),
                new Call("PUT", "/users/cdc/roles", "{\"roles\":[\"APPROVER\",\"OFFICER\"]}"),
                new Call("PUT", "/users/cdc/enabled", "{\"enabled\":false}"),
                new Call("PUT", "/users/cdc/password", "{\"password\":\"pris par un intrus\"}"));
        for (Call call : calls) {
            Api.Reply reply = switch (call.method()) {
                case "GET" -> api.get(call.path());
                case "PUT" -> api.put(call.path(), call.body());
                default -> api.post(call.path(), call.body());
            };
            answers.add(call.method() + " " + call.path() + " -> " + reply.status());
        }

        // then each is refused, the lists show none of it, and nothing changed
        assertThat(answers).allSatisfy(a -> assertThat(a).matches(".* -> (403|404)"));
        JsonNode requests = api.get("/requests?size=500").json().get("items");
        assertThat(requests).noneSatisfy(r -> assertThat(r.get("title").asText()).startsWith("Balayage"));
        assertThat(api.get("/tasks?requestId=" + pendingId).json().get("items")).isEmpty();
        assertThat(api.get("/envelopes").json().get("items")).noneSatisfy(e ->
                assertThat(e.get("code").asText()).isEqualTo("FONDS-IMMO"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldShowAndLetPayAFinanceTeamItsOrganisationsMoneyOnly() throws SQLException {
        // given a contracted request of the CDC, the fund and the region, with a payment asked on the fund's
        // commitment and the first tranche's evidence recorded (each funder's share asked)
        JsonNode contracted = Demo.contractedRequest("Balayage – finances");
        long requestId = contracted.get("id").asLong();
        String reference = contracted.get("reference").asText();
        long fundCommitment = LedgerIT.commitmentOn(contracted, "FONDS-IMMO").get("id").asLong();
        long asked = Api.as("officer").post("/commitments/" + fundCommitment + "/disbursements",
                "{\"amount\":\"1000.00\",\"evidence\":\"facture\",\"trancheId\":" + Demo.firstTranche(contracted)
                        + "}").json().get("id").asLong();
        Demo.answer("officer", requestId, org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"Convention signée\"}");
        String fundShare = Api.as("finance-investor").get("/tasks?requestId=" + requestId).json().get("items").get(0)
                .get("id").asText();
        long fundEnvelope = Demo.envelope("FONDS-IMMO").get("id").asLong();
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
        assertThat(outsider.get("/envelopes?size=500").json().get("items")).extracting(e -> e.get("code").asText())
                .containsExactly("DIJON-METRO");
        assertThat(outsider.get("/requests?size=500").json().get("items")).noneSatisfy(r ->
                assertThat(r.get("reference").asText()).isEqualTo(reference));
        assertThat(outsider.get("/tasks?requestId=" + requestId).json().get("items")).isEmpty();
        assertThat(outsider.get("/ledger/reconciliation").json().get("envelopes"))
                .extracting(e -> e.get("code").asText()).containsExactly("DIJON-METRO");
        assertThat(codes(outsider, "envelope-status")).containsExactly("DIJON-METRO");
        for (String report : List.of("commitments", "pipeline", "disbursements", "audit")) {
            assertThat(outsider.get("/reports/" + report + "?format=csv").body()).as(report)
                    .doesNotContain(reference).doesNotContain("FONDS-IMMO").doesNotContain("AMI-TIGA");
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
        assertThat(codes(fund, "envelope-status")).containsExactly("FONDS-IMMO");
        assertThat(fund.get("/reports/commitments?format=csv").body()).contains(reference + ",")
                .doesNotContain("AMI-TIGA-SUB");
        assertThat(codes(Api.as("finance"), "envelope-status")).contains("AMI-TIGA", "AMI-TIGA-SUB")
                .doesNotContain("FONDS-IMMO", "REGION-BFC");
        assertThat(codes(Api.as("admin"), "envelope-status")).contains("AMI-TIGA", "FONDS-IMMO", "REGION-BFC",
                "DIJON-METRO");
        assertThat(fund.post("/tasks/" + fundShare + "/complete", "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(204);
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
