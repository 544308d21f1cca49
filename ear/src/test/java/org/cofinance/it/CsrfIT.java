package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A forged form post — the officer's session cookie without the view state his page was given — changes nothing;
 * the same post with the page's view state goes through (so the test can tell the difference).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CsrfIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-CSRF");

    private static final String PAGES = TestPorts.applicationUrl();
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldIgnoreAFormPostWithoutThePagesViewState() throws IOException, InterruptedException {
        // given an officer signed in and a draft
        HttpClient officer = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String login = get(officer, "/login.xhtml");
        post(officer, "/login.xhtml", Map.of("login", "login", "login:username", "officer", "login:password",
                "officer", "login:sign-in", "x", "login:next", "", "jakarta.faces.ViewState", viewState(login)));
        long draft = Demo.draft(ENVELOPES, "Cible d'une attaque CSRF");
        String page = get(officer, "/app/request.xhtml?id=" + draft);
        assertThat(page).contains("request:cancel");

        // when a forged post asks to cancel the draft with a made-up view state
        Map<String, String> cancel = Map.of("request", "request", "request:cancel-reason", "forged",
                "request:cancel", "x", "jakarta.faces.ViewState", "-1234567890123456789:-987654321987654321");
        post(officer, "/app/request.xhtml?id=" + draft, cancel);

        // then the draft is untouched
        assertThat(status(draft)).isEqualTo("DRAFT");

        // while the same post with the page's own view state cancels it
        Map<String, String> genuine = new java.util.HashMap<>(cancel);
        genuine.put("jakarta.faces.ViewState", viewState(page));
        post(officer, "/app/request.xhtml?id=" + draft, genuine);
        assertThat(status(draft)).isEqualTo("CANCELLED");
    }

    private static String status(long requestId) {
        return Api.as("officer").get("/requests/" + requestId).json().get("status").asText();
    }

    private static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        assertThat(m.find()).as("a view state in the page").isTrue();
        return m.group(1);
    }

    private static String get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(PAGES + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void post(HttpClient client, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        client.send(HttpRequest.newBuilder(URI.create(PAGES + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
