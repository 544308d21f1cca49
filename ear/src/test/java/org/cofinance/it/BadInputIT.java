package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets 400 problem+json naming the field, and stores nothing. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-BADINPUT");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    record Case(String name, String body, String field) {
    }

    @Test
    void shouldRefuseEachBadRequestNamingTheFieldAndStoreNothing() {
        String good = Demo.balancedRequest(ENVELOPES, "Bad input");
        List<Case> cases = List.of(
                new Case("unbalanced plan", good.replace("\"12000000.00\"", "\"12000001.00\""), "plan"),
                new Case("negative amount", good.replace("\"4000000.00\"", "\"-4000000.00\""), "plan[0].amount"),
                new Case("three decimals", good.replace("\"4000000.00\"", "\"4000000.001\""), "plan[0].amount"),
                new Case("not a number", good.replace("\"4000000.00\"", "\"four millions\""), "plan[0].amount"),
                new Case("unknown envelope", good.replace(ENVELOPES.cdcSub(), "NO-SUCH-ENVELOPE"),
                        "plan[0].envelopeCode"),
                new Case("unknown organisation", good.replaceFirst("\"organisationId\": \\d+",
                        "\"organisationId\": 999999"), "plan[0].organisationId"),
                new Case("envelope of another organisation", good.replace(ENVELOPES.fund(), ENVELOPES.cdc()),
                        "plan[1].envelopeCode"),
                new Case("unknown theme", good.replace("HOUSING", "SPACE"), "theme"));
        long before = total();

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            assertThat(c.body()).as("%s changes the good request", c.name()).isNotEqualTo(good);
            Api.Reply reply = Api.as("officer").post("/requests", c.body());
            List<String> fields = new ArrayList<>();
            if (reply.contentType().startsWith("application/problem+json") && reply.json().has("errors")) {
                reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
            }
            if (reply.status() != 400 || !fields.contains(c.field())) {
                failures.add(c.name() + ": " + reply.status() + " " + reply.body());
            }
        }

        assertThat(failures).isEmpty();
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAMalformedBodyWithAProblemAndNoStackTrace() {
        Stream.of("{not json", "[]", "").forEach(body -> {
            Api.Reply reply = Api.as("officer").post("/requests", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).doesNotContain("Exception", "\tat ");
        });
    }

    @Test
    void shouldAnswerAKeyReusedOnAnotherOperationAndAnOverlongCommentWithTheirProblemsNotA500() {
        // given a draft created with an Idempotency-Key, and a request awaiting the CDC's decision
        String key = "reused-" + System.nanoTime();
        Api.Reply created = Api.as("officer").post("/requests", Demo.balancedRequest(ENVELOPES, "Clé réutilisée"),
                "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        long pending = Demo.submittedRequest(ENVELOPES, "Commentaire trop long");
        String task = Api.as("cdc").get("/tasks?requestId=" + pending).json().get("items").get(0).get("id").asText();

        // when the same key is sent with another operation, and a decision comes with a 4,001-character comment
        JsonNode contracted = Demo.contractedRequest(ENVELOPES, "Clé réutilisée ailleurs");
        long commitment = contracted.get("commitments").get(0).get("id").asLong();
        Api.Reply reused = Api.as("officer").post("/commitments/" + commitment + "/disbursements",
                "{\"amount\":\"1.00\",\"evidence\":\"x\",\"trancheId\":" + Demo.firstTranche(contracted) + "}",
                "Idempotency-Key", key);
        Api.Reply overlong = Api.as("cdc").post("/tasks/" + task + "/complete",
                "{\"decision\":\"APPROVE\",\"comment\":\"" + "x".repeat(4001) + "\"}");

        // then each gets its problem, and nothing changed
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(Api.as("officer").get("/commitments/" + commitment).json().get("disbursements")).isEmpty();
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().get("errors").get(0).get("field").asText()).isEqualTo("comment");
        assertThat(Api.as("officer").get("/requests/" + pending).json().get("decisions")).isEmpty();
    }

    @Test
    void shouldRefuseASecondSubmission() {
        long id = Demo.draft(ENVELOPES, "Twice");
        assertThat(Api.as("officer").post("/requests/" + id + "/submit", null).status()).isEqualTo(200);

        Api.Reply again = Api.as("officer").post("/requests/" + id + "/submit", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    private static long total() {
        JsonNode list = Api.as("officer").get("/requests?size=1").json();
        return list.get("total").asLong();
    }
}
