package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.infrastructure.security.PasswordHashing;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Authentication and access by role and organisation, checked in the service layer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-ACCESS");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldAnswer401WithoutCredentialsOrWithAWrongPasswordWithoutABasicChallengeABrowserWouldAnswer() {
        Api.Reply anonymous = Api.anonymous().get("/envelopes");
        Api.Reply wrong = Api.withPassword("officer", "not-his-password").get("/envelopes");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().allValues("WWW-Authenticate")).noneMatch(v -> v.startsWith("Basic"));
        assertThat(wrong.raw().headers().allValues("WWW-Authenticate")).noneMatch(v -> v.startsWith("Basic"));
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAChangeABrowserSaysComesFromAnotherSiteEvenWithValidCredentials() {
        // given a draft
        long draft = Demo.draft(ENVELOPES, "Soumise d'ailleurs");

        // when its submission comes, credentials and all, from another site, or from an opaque origin
        Api.Reply crossSite = Api.as("officer").post("/requests/" + draft + "/submit", null, "Sec-Fetch-Site",
                "cross-site");
        Api.Reply sameSite = Api.as("officer").post("/requests/" + draft + "/submit", null, "Sec-Fetch-Site",
                "same-site");
        Api.Reply opaque = Api.as("officer").post("/requests/" + draft + "/submit", null, "Origin", "null");

        // then each is refused and the draft is untouched, while a read from anywhere and the same call from the
        // application's own origin go through
        assertThat(List.of(crossSite.status(), sameSite.status(), opaque.status())).containsOnly(403);
        assertThat(crossSite.json().get("type").asText()).endsWith("/cross-site-request");
        assertThat(Api.as("officer").get("/requests/" + draft).json().get("status").asText()).isEqualTo("DRAFT");
        assertThat(Api.as("officer").post("/requests/" + draft + "/submit", null, "Sec-Fetch-Site", "same-origin")
                .status()).isEqualTo(200);
    }

    @Test
    void shouldThrottleAnAddressThatSpraysPasswordsButNeitherItsVictimsElsewhereNorOtherAddresses() {
        // given a client behind the balancer (the tests' loopback is the trusted balancer) spraying one password
        // over thirty names
        String sprayer = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 30; i++) {
            assertThat(Api.withPassword("sprayed-" + i, "Summer2026!").get("/envelopes", "X-Forwarded-For", sprayer)
                    .status()).isEqualTo(401);
        }

        // when a real user's right password comes from that address, then it is refused unchecked (429)
        Api.Reply fromSprayer = Api.as("region2").get("/envelopes", "X-Forwarded-For", sprayer);
        assertThat(fromSprayer.status()).isEqualTo(429);
        assertThat(fromSprayer.raw().headers().firstValue("Retry-After")).isPresent();

        // while the same user from another address, and a client naming the sprayer's address himself without the
        // balancer's say (a header after the balancer's own hop), are heard
        assertThat(Api.as("region2").get("/envelopes", "X-Forwarded-For", "203.0.113.20").status()).isEqualTo(200);
        assertThat(Api.as("metropole2").get("/envelopes", "X-Forwarded-For", sprayer + ", 203.0.113.21").status())
                .isEqualTo(200);
    }

    @Test
    void shouldTellNoCacheToKeepWhatAnAuthenticatedCallAnswers() {
        assertThat(Api.as("finance").get("/envelopes").raw().headers().firstValue("Cache-Control"))
                .hasValue("no-store");
        assertThat(Api.as("finance").get("/reports/envelope-status?format=csv").raw().headers()
                .firstValue("Cache-Control")).hasValue("no-store");
        assertThat(Api.as("officer").get("/requests?size=1").raw().headers().firstValue("Cache-Control"))
                .hasValue("no-store");
    }

    @Test
    void shouldAnswer403ToAUserWithoutTheRole() {
        assertThat(Api.as("investor").post("/requests", Demo.balancedRequest(ENVELOPES, "Not an officer")).status())
                .isEqualTo(403);
        assertThat(Api.as("officer").get("/reports/envelope-status?format=pdf").status()).isEqualTo(403);
        assertThat(Api.as("officer").post("/organisations", "{\"name\":\"X\",\"kind\":\"COMPANY\"}").status())
                .isEqualTo(403);
    }

    @Test
    void shouldNeitherShowNorLetAnotherOrganisationWorkATask() {
        // given a submitted request awaiting the CDC's decision
        long id = Demo.submittedRequest(ENVELOPES, "Access test");
        JsonNode cdcTask = Api.as("cdc").get("/tasks?requestId=" + id).json().get("items").get(0);
        String taskId = cdcTask.get("id").asText();

        // when the investor's approver tries to see, claim and complete it
        JsonNode investorTasks = Api.as("investor").get("/tasks?requestId=" + id).json();
        Api.Reply claim = Api.as("investor").post("/tasks/" + taskId + "/claim", null);
        Api.Reply complete = Api.as("investor").post("/tasks/" + taskId + "/complete", "{\"decision\":\"REJECT\"}");

        // then he sees only his own task, is refused, and nothing changed
        assertThat(investorTasks.get("items")).allSatisfy(t ->
                assertThat(t.get("id").asText()).isNotEqualTo(taskId));
        assertThat(claim.status()).isEqualTo(403);
        assertThat(complete.status()).isEqualTo(403);
        JsonNode request = Api.as("officer").get("/requests/" + id).json();
        assertThat(request.get("status").asText()).isEqualTo("AWAITING_DECISIONS");
        assertThat(request.get("decisions")).isEmpty();
        assertThat(Api.as("cdc").get("/tasks?requestId=" + id).json().get("items").get(0).get("assignee"))
                .isNull();
    }

    @Test
    void shouldHideARequestFromAnApproverWhoseOrganisationDoesNotFundIt() {
        long id = Demo.draft(ENVELOPES, "Not Dijon's");

        assertThat(Api.as("metropole").get("/requests/" + id).status()).isEqualTo(404);
        assertThat(Api.as("cdc").get("/requests/" + id).status()).isEqualTo(200);
    }

    @Test
    void shouldNeverOfferTheFundersDecisionsToTheInstructingOfficer() {
        long id = Demo.submittedRequest(ENVELOPES, "Segregation");

        JsonNode officerTasks = Api.as("officer").get("/tasks?requestId=" + id).json().get("items");
        assertThat(officerTasks).noneSatisfy(t -> assertThat(t.get("taskType").asText())
                .isEqualTo(FundingRequestProcess.DECIDE));
        String cdcTask = Api.as("cdc").get("/tasks?requestId=" + id).json().get("items").get(0).get("id").asText();
        assertThat(Api.as("officer").post("/tasks/" + cdcTask + "/complete", "{\"decision\":\"APPROVE\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void shouldTakeOnlyTheAnswersAnInstructionTakes() {
        long id = Demo.draft(ENVELOPES, "Instruction answers");
        Api.as("officer").post("/requests/" + id + "/submit", null);
        String task = Api.as("officer").get("/tasks?requestId=" + id).json().get("items").get(0).get("id").asText();

        assertThat(Api.as("officer").post("/tasks/" + task + "/complete", "{\"decision\":\"APPROVE_REDUCED\"}")
                .status()).isEqualTo(400);
        assertThat(Api.as("cdc").post("/tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}").status())
                .isEqualTo(403);
        assertThat(Api.as("officer").post("/tasks/" + task + "/complete", "{\"decision\":\"REQUEST_CHANGES\"}")
                .status()).isEqualTo(204);
        JsonNode next = Api.as("officer").get("/tasks?requestId=" + id).json().get("items").get(0);
        assertThat(next.get("taskType").asText()).isEqualTo(FundingRequestProcess.AWAIT_COMPLEMENTS);
        assertThat(next.get("due").asText()).isNotEmpty();
    }

    @Test
    void shouldRefuseAtOnceAPasswordAnotherNodeChanged() throws SQLException {
        // given a user this node has just let in with his password (and remembers it verified)
        String user = "node-" + Long.toString(System.nanoTime(), 36);
        try (Connection db = Sql.connect()) {
            update(db, "insert into app_user (username, password_hash, display_name) values (?, ?, ?)", user,
                    PasswordHashing.hash("first-password".toCharArray()), "Node test");
            update(db, "insert into app_user_role (username, role) values (?, 'FINANCE')", user);
        }
        assertThat(Api.withPassword(user, "first-password").get("/envelopes").status()).isEqualTo(200);

        // when another node changes his password in the shared store
        try (Connection db = Sql.connect()) {
            update(db, "update app_user set password_hash = ? where username = ?",
                    PasswordHashing.hash("second-password".toCharArray()), user);
        }

        // then this node refuses the old one at once and takes the new one
        assertThat(Api.withPassword(user, "first-password").get("/envelopes").status()).isEqualTo(401);
        assertThat(Api.withPassword(user, "second-password").get("/envelopes").status()).isEqualTo(200);
    }

    private static void update(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
