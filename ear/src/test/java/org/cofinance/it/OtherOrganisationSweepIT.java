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
 * Every endpoint of the API, called by the approver of an organisation that has no part in the request, the
 * commitment, the task or the envelope concerned: 403 or 404 each time, and nothing changes in the database.
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
                "{\"amount\":\"1000.00\",\"evidence\":\"PV de démarrage\"}").json();
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
        List<Call> calls = List.of(
                new Call("GET", "/requests/" + approved.get("id").asLong(), null),
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
                        "{\"amount\":\"1.00\",\"evidence\":\"x\"}"),
                new Call("POST", "/commitments/" + commitmentId + "/disbursements/" + disbursementId + "/validate",
                        null),
                new Call("POST", "/commitments/" + commitmentId + "/disbursements/" + disbursementId + "/refuse",
                        null),
                new Call("POST", "/commitments/" + commitmentId + "/close", null),
                new Call("GET", "/reports/envelope-status?format=csv", null),
                new Call("GET", "/reports/commitments?format=csv", null),
                new Call("GET", "/reports/audit?format=csv", null),
                new Call("POST", "/reports/commitments/exports?format=csv", null),
                new Call("GET", "/ledger/reconciliation", null));
        for (Call call : calls) {
            Api.Reply reply = "GET".equals(call.method()) ? api.get(call.path()) : api.post(call.path(), call.body());
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
                    "select count(*) from report_export")) {
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
