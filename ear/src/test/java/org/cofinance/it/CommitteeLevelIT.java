package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed committee-level decision routes a large CDC financing to its committee, then to its board. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommitteeLevelIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldAskTheCdcsBoardAfterItsCommitteeAbove10MillionEuros() {
        // given a 30 M€ project asking the CDC for 12 M€ and the fund for 10 M€
        long id = Demo.instructedRequest("""
                {"title": "Pôle d'innovation agricole", "territory": "Dijon Métropole", "theme": "AGRI_FOOD",
                 "leadOrganisationId": %d, "eligibleCost": "30000000.00",
                 "plan": [
                   {"organisationId": %d, "envelopeCode": "AMI-TIGA-SUB", "instrument": "SUBSIDY", "amount": "12000000.00"},
                   {"organisationId": %d, "envelopeCode": "FONDS-IMMO", "instrument": "EQUITY", "amount": "10000000.00"},
                   {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "8000000.00"}]}
                """.formatted(Demo.organisationId("Agrinova"), Demo.organisationId("Caisse des Dépôts"),
                Demo.organisationId("Fonds Résidence"), Demo.organisationId("Agrinova")));

        // when the CDC's national committee and the fund's investment committee approve
        assertThat(level("cdc", id)).isEqualTo("NATIONAL_COMMITTEE");
        assertThat(level("investor", id)).isEqualTo("INVESTMENT_COMMITTEE");
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);
        assertThat(Demo.decide("investor", id, "APPROVE").status()).isEqualTo(204);

        // then the CDC's board still has to decide, and nothing is committed yet
        assertThat(status(id)).isEqualTo("AWAITING_DECISIONS");
        assertThat(level("cdc", id)).isEqualTo("BOARD");

        // when the board approves, the commitments are posted, each decision naming its level
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);
        JsonNode approved = Api.as("officer").get("/requests/" + id).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decisions")).extracting(d -> d.get("level").asText())
                .containsExactlyInAnyOrder("NATIONAL_COMMITTEE", "INVESTMENT_COMMITTEE", "BOARD");
    }

    @Test
    void shouldAcceptThreeApprovalsGivenAtTheSameInstant() throws Exception {
        // given a request awaiting its three funders
        long id = Demo.submittedRequest("Trois décisions simultanées");

        // when the three approvers answer at the same instant
        java.util.concurrent.ExecutorService approvers = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (String approver : java.util.List.of("cdc", "investor", "region")) {
            String task = Api.as(approver).get("/tasks?requestId=" + id).json().get("items").get(0).get("id")
                    .asText();
            answers.add(approvers.submit(() -> {
                start.await();
                return Api.as(approver).post("/tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}")
                        .status();
            }));
        }
        start.countDown();
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        approvers.shutdown();

        // then each is accepted (a concurrent update of the process is retried) and the request is approved once
        assertThat(statuses).containsExactly(204, 204, 204);
        JsonNode approved = Api.as("officer").get("/requests/" + id).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decisions")).hasSize(3);
        assertThat(approved.get("commitments")).allSatisfy(c ->
                assertThat(c.get("status").asText()).isEqualTo("COMMITTED"));
    }

    private static String level(String approver, long id) {
        return Api.as(approver).get("/tasks?requestId=" + id).json().get("items").get(0).get("level").asText();
    }

    private static String status(long id) {
        return Api.as("officer").get("/requests/" + id).json().get("status").asText();
    }
}
