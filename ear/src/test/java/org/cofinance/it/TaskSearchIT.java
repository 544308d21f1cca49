package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployed task lists searched in PostgreSQL: each filter of the board through {@code GET /tasks} on the tasks of
 * two requests, paged, and bad filters refused with the field named.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TaskSearchIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-TASKSEARCH");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldFindTheCallersTasksByEachFilterOfTheBoardAndPageThem() {
        // given two requests awaiting their funders: a 12 M€ housing one in Dijon (the CDC 4 M€, the fund 3 M€),
        // then a digital one in Quetigny asking the CDC 150,000 €, both titled with a word of this test's own
        String word = "tri" + UUID.randomUUID().toString().substring(0, 8);
        long housing = Demo.submittedRequest(ENVELOPES, "Résidence " + word);
        long digital = Demo.instructedRequest(Demo.singleLineRequest("Numérique " + word.toUpperCase(),
                ENVELOPES.cdcSub(), Demo.organisationId("Caisse des Dépôts"), "150000.00"));
        String cdc = "q=" + word;

        // then the CDC approver finds both of his organisation's decisions by the word, the housing one due first
        assertThat(requests("cdc", cdc)).containsExactly(housing, digital);
        // and each filter keeps its own
        assertThat(requests("cdc", cdc + "&minAmount=4000000.00")).containsExactly(housing);
        assertThat(requests("cdc", cdc + "&minAmount=4000000.01")).isEmpty();
        assertThat(requests("cdc", cdc + "&maxAmount=150000")).containsExactly(digital);
        assertThat(requests("cdc", cdc + "&territory=" + encode("DIJON métropole"))).containsExactly(housing);
        assertThat(requests("cdc", cdc + "&theme=DIGITAL")).containsExactly(digital);
        assertThat(requests("cdc", cdc + "&funderId=" + Demo.organisationId("Caisse des Dépôts")))
                .containsExactly(housing, digital);
        assertThat(requests("cdc", cdc + "&funderId=" + Demo.organisationId("Fonds Résidence"))).isEmpty();
        assertThat(requests("cdc", cdc + "&late=true")).isEmpty();
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(15);
        assertThat(requests("cdc", cdc + "&dueBefore=" + due)).containsExactly(housing, digital);
        assertThat(requests("cdc", cdc + "&dueBefore=" + due.minusDays(1))).isEmpty();
        assertThat(requests("cdc", cdc + "&assignee=me")).isEmpty();
        assertThat(requests("cdc", "q=" + word + "-nothing")).isEmpty();
        assertThat(requests("cdc", "requestId=" + digital + "&" + cdc)).containsExactly(digital);
        // and the fund's approver finds the one decision his organisation takes, nobody else's
        assertThat(requests("investor", cdc + "&funderId=" + Demo.organisationId("Fonds Résidence")))
                .containsExactly(housing);
        assertThat(requests("officer", cdc)).as("instructions done").isEmpty();

        // and a page of one holds the second task, with the total of both
        JsonNode second = Api.as("cdc").get("/tasks?" + cdc + "&size=1&page=1").json();
        assertThat(second.get("total").asLong()).isEqualTo(2);
        assertThat(second.get("items")).singleElement().satisfies(task ->
                assertThat(task.get("requestId").asLong()).isEqualTo(digital));
    }

    @Test
    void shouldRefuseAnUnreadableFilterNamingIt() {
        for (String[] bad : new String[][] {{"minAmount=cent", "minAmount"}, {"maxAmount=-5", "maxAmount"},
                {"dueBefore=demain", "dueBefore"}, {"assignee=cdc2", "assignee"}}) {
            Api.Reply reply = Api.as("cdc").get("/tasks?" + bad[0]);

            assertThat(reply.status()).as(bad[0]).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("errors")).extracting(e -> e.get("field").asText()).containsExactly(bad[1]);
        }
    }

    private static List<Long> requests(String user, String query) {
        Api.Reply reply = Api.as(user).get("/tasks?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reply.json().get("items").forEach(task -> ids.add(task.get("requestId").asLong()));
        assertThat(reply.json().get("total").asLong()).isEqualTo(ids.size());
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
