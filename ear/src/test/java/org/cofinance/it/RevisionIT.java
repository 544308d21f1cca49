package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.cofinance.bpmn.FundingRequestProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reduced approval sends the plan back; the officer rebalances it through the API and routes it again: only the
 * funder whose part changed decides again, the others' approvals stand. A plan that breaks the call's rules is not
 * routed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RevisionIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-REVISION");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldKeepTheUnchangedFundersApprovalsWhenTheRevisedPlanIsRoutedAgain() {
        // given the fund approves 2 M€ instead of 3 M€, the CDC and the region approve
        long id = Demo.submittedRequest(ENVELOPES, "Plan rééquilibré");
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);
        assertThat(Demo.answer("investor", id, FundingRequestProcess.DECIDE,
                "{\"decision\":\"APPROVE_REDUCED\",\"amount\":\"2000000.00\"}").status()).isEqualTo(204);
        assertThat(Demo.decide("region", id, "APPROVE").status()).isEqualTo(204);
        assertThat(status(id)).isEqualTo("TO_REVISE");

        // when the officer moves the missing million to the lead's own money but first tries a plan full of public
        // money, and routes each
        Api.Reply publicHeavy = Api.as("officer").put("/requests/" + id, plan("4000000.00", "2000000.00",
                "2000000.00", "4000000.00", "0"));
        assertThat(publicHeavy.status()).isEqualTo(200);
        Api.Reply refused = Demo.answer("officer", id, FundingRequestProcess.REVISE_PLAN, "{\"decision\":\"APPROVE\"}");
        Api.Reply rebalanced = Api.as("officer").put("/requests/" + id, plan("4000000.00", "2000000.00",
                "2000000.00", "0", "4000000.00"));
        Api.Reply routed = Demo.answer("officer", id, FundingRequestProcess.REVISE_PLAN, "{\"decision\":\"APPROVE\"}");
        Demo.awaitReservation(id);

        // then the plan breaking the rules is not routed, the rebalanced one is, to the fund only
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("PUBLIC_SHARE_ABOVE_80");
        assertThat(rebalanced.status()).isEqualTo(200);
        assertThat(routed.status()).isEqualTo(204);
        assertThat(Api.as("cdc").get("/tasks?requestId=" + id).json().get("items")).isEmpty();
        assertThat(Api.as("region").get("/tasks?requestId=" + id).json().get("items")).isEmpty();
        assertThat(Api.as("investor").get("/tasks?requestId=" + id).json().get("items")).hasSize(1);

        // and its approval commits the new plan
        assertThat(Demo.decide("investor", id, "APPROVE").status()).isEqualTo(204);
        JsonNode approved = Api.as("officer").get("/requests/" + id).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("commitments")).filteredOn(c -> c.get("status").asText().equals("COMMITTED"))
                .extracting(c -> c.get("committed").asText()).containsExactly("4000000.00", "2000000.00", "2000000.00");
    }

    @Test
    void shouldRefuseToChangeThePlanOfARequestAwaitingDecisions() {
        long id = Demo.submittedRequest(ENVELOPES, "Plan figé");

        Api.Reply changed = Api.as("officer").put("/requests/" + id, plan("4000000.00", "3000000.00",
                "2000000.00", "0", "3000000.00"));

        assertThat(changed.status()).isEqualTo(409);
        assertThat(status(id)).isEqualTo("AWAITING_DECISIONS");
    }

    private static String metropoleEnvelope;

    /** The metropolis's envelope of this test, opened on first use. */
    private static synchronized String metropole() {
        if (metropoleEnvelope == null) {
            metropoleEnvelope = Envelopes.openOf("IT-REVISION-METRO", "Dijon Métropole", "50000000.00");
        }
        return metropoleEnvelope;
    }

    /** The 12 M€ plan of the CDC, the fund, the region, the metropolis and the lead's own money (0: no line). */
    private static String plan(String cdc, String fund, String region, String metropole, String lead) {
        StringBuilder lines = new StringBuilder();
        lines.append(line("Caisse des Dépôts", ENVELOPES.cdcSub(), "SUBSIDY", cdc)).append(',');
        lines.append(line("Fonds Résidence", ENVELOPES.fund(), "EQUITY", fund)).append(',');
        lines.append(line("Région", ENVELOPES.region(), "SUBSIDY", region)).append(',');
        if (!"0".equals(metropole)) {
            lines.append(line("Dijon Métropole", metropole(), "SUBSIDY", metropole)).append(',');
        }
        if (!"0".equals(lead)) {
            lines.append(line("Agrinova", null, "SELF_FUNDING", lead)).append(',');
        }
        lines.setLength(lines.length() - 1);
        return """
                {"title": "ignored after submission", "territory": "Dijon Métropole", "theme": "HOUSING",
                 "leadOrganisationId": %d, "eligibleCost": "12000000.00", "plan": [%s]}
                """.formatted(Demo.organisationId("Agrinova"), lines);
    }

    private static String line(String organisation, String envelope, String instrument, String amount) {
        return "{\"organisationId\": %d, \"envelopeCode\": %s, \"instrument\": \"%s\", \"amount\": \"%s\"}"
                .formatted(Demo.organisationId(organisation), envelope == null ? "null" : "\"" + envelope + "\"",
                        instrument, amount);
    }

    private static String status(long id) {
        return Api.as("officer").get("/requests/" + id).json().get("status").asText();
    }
}
