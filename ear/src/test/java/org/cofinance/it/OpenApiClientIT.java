package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.client.ApiClient;
import org.cofinance.client.ApiException;
import org.cofinance.client.api.EnvelopesApi;
import org.cofinance.client.api.OrganisationsApi;
import org.cofinance.client.api.RequestsApi;
import org.cofinance.client.api.TasksApi;
import org.cofinance.client.model.EnvelopeView;
import org.cofinance.client.model.Line;
import org.cofinance.client.model.NewRequest;
import org.cofinance.client.model.OrganisationView;
import org.cofinance.client.model.RequestView;
import org.cofinance.client.model.TaskAnswer;
import org.cofinance.client.model.TaskView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's walk through a Java client that openapi-generator wrote at build time from the description the web
 * module's build generated from the resources: if the description and the code part, this test stops compiling or
 * fails. And the application serves that same description, without credentials.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiClientIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-OPENAPICLIENT");

    private static final Path DESCRIPTION = Path.of("target/api-description/WEB-INF/classes/META-INF/openapi/openapi.json");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldServeTheDescriptionTheClientWasGeneratedFromToAnyone() throws IOException {
        // when anyone asks for the API's description
        Api.Reply json = Api.anonymous().get("/openapi.json");
        Api.Reply yaml = Api.anonymous().get("/openapi.yaml");

        // then it is the one the build generated, in JSON and YAML
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.body()).isEqualTo(Files.readString(DESCRIPTION, StandardCharsets.UTF_8));
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        assertThat(yaml.body()).contains("openapi: 3.1.0", "/requests/{id}/submit:");
    }

    @Test
    void shouldWalkARequestToItsCommitmentsThroughTheGeneratedClient() throws ApiException {
        // given the CDC's subsidy envelope of this test as its finance user reads it
        EnvelopeView before = envelope(ENVELOPES.cdcSub());

        // when the officer creates the request, submits it and instructs it favourably
        RequestsApi requests = new RequestsApi(client("officer"));
        RequestView created = requests.requestCreate(new NewRequest().title("Parcours par le client OpenAPI")
                .territory("Dijon Métropole").theme("HOUSING").leadOrganisationId(organisation("Agrinova"))
                .eligibleCost("12000000.00").plan(List.of(
                        line("Caisse des Dépôts", ENVELOPES.cdcSub(), "SUBSIDY", "4000000.00"),
                        line("Fonds Résidence", ENVELOPES.fund(), "EQUITY", "3000000.00"),
                        line("Région", ENVELOPES.region(), "SUBSIDY", "2000000.00"),
                        line("Agrinova", null, "SELF_FUNDING", "3000000.00"))), UUID.randomUUID().toString());
        assertThat(created.getStatus()).isEqualTo("DRAFT");
        assertThat(requests.requestSubmit(created.getId()).getStatus()).isEqualTo("IN_INSTRUCTION");
        complete("officer", created.getId(), FundingRequestProcess.INSTRUCT);
        Awaitility.await().atMost(60, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS).until(() ->
                requests.requestGet(created.getId()).getStatus().equals("AWAITING_DECISIONS"));

        // and each funder's approver claims and approves its decision from his task list
        for (String approver : List.of("cdc", "investor", "region")) {
            TaskView decision = task(approver, created.getId(), null);
            new TasksApi(client(approver)).taskClaim(decision.getId());
            new TasksApi(client(approver)).taskComplete(decision.getId(), new TaskAnswer().decision("APPROVE"));
        }

        // then the request is approved, its three commitments booked, and the CDC's envelope committed 4 M€ more
        RequestView approved = requests.requestGet(created.getId());
        assertThat(approved.getStatus()).isEqualTo("APPROVED");
        assertThat(approved.getCommitments()).hasSize(3)
                .allSatisfy(c -> assertThat(c.getStatus()).isEqualTo("COMMITTED"));
        EnvelopeView after = envelope(ENVELOPES.cdcSub());
        assertThat(new BigDecimal(after.getCommitted()))
                .isEqualTo(new BigDecimal(before.getCommitted()).add(new BigDecimal("4000000.00")));
        assertThat(after.getCommitted()).matches("\\d+\\.\\d{2}");
    }

    @Test
    void shouldHandTheClientTheProblemOfARefusedCall() {
        // when an approver asks for a request that does not exist, then the client raises the API's problem
        assertThatThrownBy(() -> new RequestsApi(client("cdc")).requestGet(Long.MAX_VALUE))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("https://cofinance.org/problems/not-found");
                });
    }

    private static ApiClient client(String user) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1),
                ApiClient.createDefaultObjectMapper(),
                TestPorts.applicationUrl() + "/api")
                .setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
    }

    private static long organisation(String nameStart) throws ApiException {
        return new OrganisationsApi(client("officer")).organisationList(null, 500).getItems().stream()
                .filter(o -> o.getName().startsWith(nameStart)).map(OrganisationView::getId).findFirst()
                .orElseThrow();
    }

    private static Line line(String organisation, String envelope, String instrument, String amount) throws ApiException {
        return new Line().organisationId(organisation(organisation)).envelopeCode(envelope).instrument(instrument)
                .amount(amount);
    }

    private static EnvelopeView envelope(String code) throws ApiException {
        return new EnvelopesApi(client("finance")).envelopeList(null, 500).getItems().stream()
                .filter(e -> e.getCode().equals(code)).findFirst().orElseThrow();
    }

    private static TaskView task(String user, long requestId, String type) throws ApiException {
        // the filters in the generated client's (alphabetical) order: only requestId, the tenth, is given
        return new TasksApi(client(user)).taskList(null, null, null, null, null, null, null, null, null, requestId,
                        null, null, null).getItems().stream()
                .filter(t -> type == null || t.getTaskType().equals(type)).findFirst().orElseThrow();
    }

    private static void complete(String user, long requestId, String type) throws ApiException {
        new TasksApi(client(user)).taskComplete(task(user, requestId, type).getId(),
                new TaskAnswer().decision("APPROVE"));
    }
}
