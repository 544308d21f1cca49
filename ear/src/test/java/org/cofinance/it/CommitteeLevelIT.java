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

    private static final Envelopes ENVELOPES = Envelopes.of("IT-COMMITTEELEVEL");

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
                   {"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "12000000.00"},
                   {"organisationId": %d, "envelopeCode": "%s", "instrument": "EQUITY", "amount": "10000000.00"},
                   {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "8000000.00"}]}
                """.formatted(Demo.organisationId("Agrinova"), Demo.organisationId("Caisse des Dépôts"),
                ENVELOPES.cdcSub(), Demo.organisationId("Fonds Résidence"), ENVELOPES.fund(),
                Demo.organisationId("Agrinova")));

        // when the CDC's national committee and the fund's investment committee approve
        assertThat(level("cdc", id)).isEqualTo("NATIONAL_COMMITTEE");
        assertThat(level("investor", id)).isEqualTo("INVESTMENT_COMMITTEE");
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);
        assertThat(Demo.decide("investor", id, "APPROVE").status()).isEqualTo(204);

        // then the CDC's board still has to decide, listed to both CDC approvers, and nothing is committed yet
        assertThat(status(id)).isEqualTo("AWAITING_DECISIONS");
        assertThat(level("cdc", id)).isEqualTo("BOARD");
        assertThat(level("cdc2", id)).isEqualTo("BOARD");
        String board = task("cdc2", id);

        // when the author of the committee's approval claims or completes the board's decision, then it is refused
        Api.Reply claimed = Api.as("cdc").post("/tasks/" + board + "/claim", null);
        Api.Reply completed = Api.as("cdc").post("/tasks/" + board + "/complete", "{\"decision\":\"APPROVE\"}");
        assertThat(claimed.status()).isEqualTo(403);
        assertThat(completed.status()).isEqualTo(403);
        assertThat(completed.json().get("type").asText()).endsWith("/segregation-of-duties");
        JsonNode refused = Api.as("officer").get("/requests/" + id).json();
        assertThat(refused.get("status").asText()).isEqualTo("AWAITING_DECISIONS");
        assertThat(refused.get("decisions")).hasSize(2);
        assertThat(Api.as("cdc2").get("/tasks?requestId=" + id).json().get("items").get(0).path("assignee")
                .isMissingNode()).as("the refused claim assigned nobody").isTrue();

        // when the other CDC approver decides the board's level, the commitments are posted, each decision naming
        // its level and its own author
        assertThat(Demo.decide("cdc2", id, "APPROVE").status()).isEqualTo(204);
        JsonNode approved = Api.as("officer").get("/requests/" + id).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.get("decisions")).extracting(d -> d.get("level").asText() + " " + d.get("author")
                .asText()).containsExactlyInAnyOrder("NATIONAL_COMMITTEE cdc", "INVESTMENT_COMMITTEE investor",
                "BOARD cdc2");
    }

    @Test
    void shouldKeepTwoPeopleForTwoLevelsInTheDatabaseToo() throws java.sql.SQLException {
        // given a decision of the CDC in the current round of a request
        long id = Demo.submittedRequest(ENVELOPES, "Deux personnes, même en base");
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);

        // when a second decision of the same person for the same organisation and round is written past the service
        try (java.sql.Connection db = Sql.connect();
             java.sql.PreparedStatement insert = db.prepareStatement("insert into decision (request_id, "
                     + "organisation_id, outcome, author, decided_at, round, level) select request_id, "
                     + "organisation_id, outcome, author, decided_at, round, 'BOARD' from decision "
                     + "where request_id = ? and author = 'cdc'")) {
            insert.setLong(1, id);

            // then the database refuses it
            org.assertj.core.api.Assertions.assertThatThrownBy(insert::executeUpdate)
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("decision_one_level_per_person");
        }
    }

    @Test
    void shouldAcceptThreeApprovalsGivenAtTheSameInstant() throws Exception {
        // given a request awaiting its three funders
        long id = Demo.submittedRequest(ENVELOPES, "Trois décisions simultanées");

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

    private static String task(String approver, long id) {
        return Api.as(approver).get("/tasks?requestId=" + id).json().get("items").get(0).get("id").asText();
    }

    private static String level(String approver, long id) {
        return Api.as(approver).get("/tasks?requestId=" + id).json().get("items").get(0).get("level").asText();
    }

    private static String status(long id) {
        return Api.as("officer").get("/requests/" + id).json().get("status").asText();
    }
}
