package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.bpmn.AmendmentProcess;
import org.cofinance.bpmn.FundingRequestProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Amendments (avenants) of signed conventions on PostgreSQL through the API: filed by an officer, decided by each
 * funder concerned at the committee levels its new amount calls for (two people for two levels), applied to the
 * ledger and the plan when all approve, voided when one refuses.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AmendmentIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-AMENDMENT");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldApplyAnAmendmentEveryFunderConcernedApprovedAtItsLevelsAndPayTheNextTrancheOnTheNewAmounts() {
        // given a contracted request (CDC 4 M€, fund 3 M€, region 2 M€, lead 3 M€) whose first tranche is paid
        long id = Demo.contractedRequest(ENVELOPES, "Avenant approuvé").get("id").asLong();
        evidenceAndPay(id, "Convention signée");
        assertThat(committed(id, "disbursed")).containsExactly("1200000.00", "900000.00", "600000.00");

        // when the officer files a plan below what was paid, with a line moved, or with a new funder: 400
        Api.Reply belowPaid = file(id, "1000000.00", "3000000.00", "2000000.00", "6000000.00", null);
        assertThat(belowPaid.status()).isEqualTo(400);
        assertThat(belowPaid.json().get("errors").get(0).get("field").asText()).isEqualTo("plan[0].amount");
        Api.Reply moved = Api.as("officer").post("/requests/" + id + "/amendments", """
                {"reason": "Déplacement", "plan": [%s, %s, %s, %s]}""".formatted(
                line("Caisse des Dépôts", ENVELOPES.cdcSub(), "SUBSIDY", "4000000.00"),
                line("Fonds Résidence", ENVELOPES.fund(), "EQUITY", "3000000.00"),
                line("Région", ENVELOPES.cdcSub(), "SUBSIDY", "2000000.00"),
                line("Agrinova", null, "SELF_FUNDING", "3000000.00")));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().get("errors").get(0).get("field").asText()).startsWith("plan[2]");
        assertThat(Api.as("cdc").post("/requests/" + id + "/amendments", "{\"reason\":\"x\"}").status())
                .as("an officer's work").isEqualTo(403);

        // when he files the CDC up to 10.5 M€ (above the board's threshold), the region down to 1.5 M€, and the lead's
        // own money up to 9.1 M€, for a cost of 24.1 M€
        Api.Reply filed = file(id, "10500000.00", "3000000.00", "1500000.00", "9100000.00", "24100000.00");

        // then it is pending, each change shown against what was committed, the increase held on the envelope
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(filed.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(filed.json().get("changes")).extracting(c -> c.get("before").asText() + "->"
                + c.get("after").asText()).containsExactly("4000000.00->10500000.00", "2000000.00->1500000.00");
        assertThat(committed(id, "reserved")).containsExactly("6500000.00", "0.00", "0.00");
        assertThat(file(id, "4600000.00", "3000000.00", "1400000.00", "3000000.00", null).status())
                .as("one amendment at a time").isEqualTo(409);
        assertThat(Api.as("investor").get("/tasks?requestId=" + id).json().get("items"))
                .as("the fund's amount does not change: it has nothing to decide").isEmpty();

        // when the CDC's national committee approves, then its board is asked — of someone else
        assertThat(decide("cdc", id, "APPROVE")).isEqualTo(204);
        assertThat(level("cdc2", id)).isEqualTo("BOARD");
        assertThat(decide("cdc", id, "APPROVE")).as("two people for two levels").isEqualTo(403);
        assertThat(decide("cdc2", id, "APPROVE")).isEqualTo(204);
        assertThat(request(id).get("amendments").get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(level("region", id)).as("1.5 M€ of the region: its council").isEqualTo("COUNCIL");
        assertThat(decide("region", id, "APPROVE")).isEqualTo(204);

        // then the amendment is applied: the increase posted, the decrease released, the plan changed
        JsonNode amended = request(id);
        assertThat(amended.get("amendments").get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(amended.get("amendments").get(0).get("decisions")).extracting(d -> d.get("author").asText())
                .containsExactly("cdc", "cdc2", "region");
        assertThat(committed(id, "committed")).containsExactly("10500000.00", "3000000.00", "1500000.00");
        assertThat(committed(id, "reserved")).containsExactly("0.00", "0.00", "0.00");
        assertThat(amended.get("plan")).extracting(l -> l.get("amount").asText())
                .containsExactly("10500000.00", "3000000.00", "1500000.00", "9100000.00");
        assertThat(amended.get("eligibleCost").asText()).isEqualTo("24100000.00");
        assertThat(Api.as("admin").get("/ledger/reconciliation").json().get("consistent").asBoolean()).isTrue();
        assertThat(ReportsIT.csv("/reports/audit?format=csv").stream().filter(r -> r.get("reference")
                .equals(amended.get("reference").asText())).map(r -> r.get("event")).toList())
                .containsSubsequence("AMENDMENT_FILED", "AMENDMENT_FILED", "AMENDMENT_DECIDED", "AMENDMENT_DECIDED",
                        "AMENDMENT_DECIDED");

        // and the next tranche pays its 40 % of the amounts as they now stand
        evidenceAndPay(id, "Rapport à mi-parcours");
        assertThat(committed(id, "disbursed")).containsExactly("5400000.00", "2100000.00", "1200000.00");
    }

    @Test
    void shouldRefuseAnIncreaseTheEnvelopeCannotHoldHoldTheLastTrancheAndVoidTheIncreaseWhenTheFunderRefuses() {
        // given a 300 000 € subsidy of an envelope of this test holding 400 000 €, its convention signed
        String code = Demo.newCdcEnvelope("IT-AVENANT", "400000.00").get("code").asText();
        long id = AfterConventionIT.contracted("Avenant refusé", code, "300000.00");

        // when the officer raises it to 500 000 €: the envelope cannot hold 200 000 € more, nothing is filed
        Api.Reply tooMuch = file1(id, "500000.00");
        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(409);
        assertThat(request(id).get("amendments")).isEmpty();
        assertThat(Demo.envelope(code).get("reserved").asText()).isEqualTo("0.00");

        // when the two first tranches are paid and he raises it to 350 000 €, then 50 000 € are held, and the last
        // tranche waits for the funder's decision
        payCdcTranche(id, "Convention signée");
        payCdcTranche(id, "Rapport à mi-parcours");
        assertThat(file1(id, "350000.00").status()).isEqualTo(201);
        assertThat(Demo.envelope(code).get("reserved").asText()).isEqualTo("50000.00");
        assertThat(Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"Rapport final\"}").status()).isEqualTo(409);

        // when the CDC refuses, then they go back
        assertThat(decide("cdc", id, "REJECT")).isEqualTo(204);

        JsonNode after = request(id);
        assertThat(after.get("amendments").get(0).get("status").asText()).isEqualTo("REJECTED");
        assertThat(after.get("commitments").get(0).get("committed").asText()).isEqualTo("300000.00");
        assertThat(Demo.envelope(code).get("reserved").asText()).isEqualTo("0.00");
        assertThat(Demo.envelope(code).get("available").asText()).isEqualTo("100000.00");
        assertThat(after.get("plan").get(0).get("amount").asText()).isEqualTo("300000.00");
        assertThat(Api.as("admin").get("/ledger/reconciliation").json().get("consistent").asBoolean()).isTrue();

        // and the last tranche is paid on the convention as it stands, which closes the request
        payCdcTranche(id, "Rapport final");
        assertThat(request(id).get("status").asText()).isEqualTo("CLOSED");
        assertThat(request(id).get("commitments").get(0).get("disbursed").asText()).isEqualTo("300000.00");
        assertThat(file1(id, "310000.00").status()).as("a closed convention is amended no more").isEqualTo(409);
    }

    /** The officer records the evidence of the next tranche, the CDC's finance pays it. */
    private static void payCdcTranche(long id, String evidence) {
        assertThat(Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"" + evidence + "\"}").status()).isEqualTo(204);
        assertThat(Demo.answer("finance", id, FundingRequestProcess.VALIDATE_PAYMENT, "{\"decision\":\"APPROVE\"}")
                .status()).isEqualTo(204);
    }

    /** The balanced request's plan as the amendment makes it, the lead's share given. */
    private static Api.Reply file(long id, String cdc, String fund, String region, String lead, String cost) {
        return Api.as("officer").post("/requests/" + id + "/amendments", """
                {"reason": "Extension du programme", "eligibleCost": %s, "plan": [%s, %s, %s, %s]}""".formatted(
                cost == null ? "null" : "\"" + cost + "\"",
                line("Caisse des Dépôts", ENVELOPES.cdcSub(), "SUBSIDY", cdc),
                line("Fonds Résidence", ENVELOPES.fund(), "EQUITY", fund),
                line("Région", ENVELOPES.region(), "SUBSIDY", region),
                line("Agrinova", null, "SELF_FUNDING", lead)));
    }

    /** A single-line request's plan with a new subsidy, the cost following and the lead's share unchanged. */
    private static Api.Reply file1(long id, String subsidy) {
        JsonNode plan = request(id).get("plan");
        String own = plan.get(1).get("amount").asText();
        String cost = new java.math.BigDecimal(subsidy).add(new java.math.BigDecimal(own)).toPlainString();
        return Api.as("officer").post("/requests/" + id + "/amendments", """
                {"reason": "Hausse des coûts", "eligibleCost": "%s", "plan": [%s, %s]}""".formatted(cost,
                line("Caisse des Dépôts", plan.get(0).get("envelopeCode").asText(), "SUBSIDY", subsidy),
                line("Agrinova", null, "SELF_FUNDING", own)));
    }

    private static String line(String organisation, String envelope, String instrument, String amount) {
        return """
                {"organisationId": %d, "envelopeCode": %s, "instrument": "%s", "amount": "%s"}""".formatted(
                Demo.organisationId(organisation), envelope == null ? "null" : "\"" + envelope + "\"", instrument,
                amount);
    }

    /** The approver's answer on the request's decide-amendment task offered to him. */
    private static int decide(String approver, long id, String decision) {
        return Demo.answer(approver, id, AmendmentProcess.DECIDE_AMENDMENT, "{\"decision\":\"" + decision + "\"}")
                .status();
    }

    /** The committee level of the decide-amendment task the approver is offered on the request. */
    private static String level(String approver, long id) {
        for (JsonNode task : Api.as(approver).get("/tasks?requestId=" + id).json().get("items")) {
            if (task.get("taskType").asText().equals(AmendmentProcess.DECIDE_AMENDMENT)) {
                return task.get("level").asText();
            }
        }
        throw new IllegalStateException("no decide-amendment task for " + approver + " on request " + id);
    }

    private static void evidenceAndPay(long id, String evidence) {
        assertThat(Demo.answer("officer", id, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"" + evidence + "\"}").status()).isEqualTo(204);
        for (String finance : List.of("finance", "finance-investor", "finance-region")) {
            assertThat(Demo.answer(finance, id, FundingRequestProcess.VALIDATE_PAYMENT,
                    "{\"decision\":\"APPROVE\"}").status()).as(finance).isEqualTo(204);
        }
    }

    private static JsonNode request(long id) {
        return Api.as("officer").get("/requests/" + id).json();
    }

    private static List<String> committed(long id, String field) {
        List<String> amounts = new ArrayList<>();
        request(id).get("commitments").forEach(c -> amounts.add(c.get(field).asText()));
        return amounts;
    }
}
