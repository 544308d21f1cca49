package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** Sign-in, throttling and organisation-scoped access, through the pages and the API. */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(Browsers.class)
@RunAsClient
class BrowserAccessIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-BROWSERACCESS");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldNeitherShowNorOpenAnotherOrganisationsTask(Browsers browsers) {
        // given a request awaiting the CDC's decision
        long requestId = Demo.submittedRequest(ENVELOPES, "Tâche de la CDC seulement");
        JsonNode cdcTask = Api.as("cdc").get("/tasks?requestId=" + requestId).json().get("items").get(0);
        String taskId = cdcTask.get("id").asText();
        String reference = cdcTask.get("requestReference").asText();

        // when the metropolis's approver, whose organisation does not fund it, looks for it and opens it
        Browser metropole = browsers.open("metropole").signIn("metropole");
        String taskList = metropole.source();
        metropole.open("/app/task.xhtml?id=" + taskId);
        String taskPage = metropole.source();
        metropole.open("/app/request.xhtml?id=" + requestId);
        String requestPage = metropole.source();

        // then the pages show neither the task nor the request, and the API refuses them too
        assertThat(taskList).doesNotContain(taskId).doesNotContain(reference);
        assertThat(taskPage).contains("Action refusée").doesNotContain("task:complete").doesNotContain(reference);
        assertThat(requestPage).contains("Introuvable").doesNotContain("Tâche de la CDC seulement");
        assertThat(Api.as("metropole").get("/tasks?requestId=" + requestId).json().get("items")).isEmpty();
        assertThat(Api.as("metropole").post("/tasks/" + taskId + "/claim", null).status()).isEqualTo(403);
        assertThat(Api.as("metropole").get("/requests/" + requestId).status()).isEqualTo(404);
        assertThat(Api.as("cdc").get("/tasks?requestId=" + requestId).json().get("items").get(0).path("assignee")
                .isMissingNode()).isTrue();
    }

    @Test
    void shouldThrottleAUserNameAfterFiveWrongPasswordsAndAuditThem(Browsers browsers) throws SQLException {
        // given a user the administrator creates on the administration page
        String username = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
        Browser admin = browsers.open("admin").signIn("admin");
        admin.open("/app/admin.xhtml");
        admin.type(By.id("new-user:username"), username);
        admin.type(By.id("new-user:display-name"), "Utilisateur de test");
        admin.type(By.id("new-user:email"), username + "@cofinance.test");
        admin.chooseStartingWith(By.id("new-user:organisation"), "Caisse des Dépôts");
        admin.find(By.cssSelector("input[name='new-user:roles'][value='FINANCE']")).click();
        admin.type(By.id("new-user:password"), "correct horse battery");
        admin.clickAndWait(By.id("new-user:create-user"));
        assertThat(admin.find(By.cssSelector("tr.user-row[data-user='" + username + "']"))).isNotNull();

        // when someone tries five wrong passwords, then the right one
        Browser attacker = browsers.open("attacker");
        for (int i = 0; i < 5; i++) {
            attacker.signIn(username, "wrong-" + i);
            assertThat(attacker.source()).contains("Identifiant ou mot de passe incorrect");
        }
        attacker.signIn(username, "correct horse battery");

        // then even the right password is refused for a while, on the pages and on the API, and every try is audited
        assertThat(attacker.source()).contains("Trop de tentatives").doesNotContain("signed-in-user");
        assertThat(attacker.url()).contains("/login.xhtml");
        assertThat(Api.withPassword(username, "correct horse battery").get("/envelopes").status()).isEqualTo(429);
        try (Connection db = Sql.connect();
             PreparedStatement attempts = db.prepareStatement("select outcome, count(*) from sign_in_attempt "
                     + "where username = ? group by outcome order by outcome")) {
            attempts.setString(1, username);
            StringBuilder outcomes = new StringBuilder();
            try (ResultSet rows = attempts.executeQuery()) {
                while (rows.next()) {
                    outcomes.append(rows.getString(1)).append('=').append(rows.getLong(2)).append(' ');
                }
            }
            assertThat(outcomes.toString().strip()).isEqualTo("BAD_CREDENTIALS=5 THROTTLED=2");
        }
    }

    @Test
    void shouldChangeNothingWhenAnotherSitePostsAFormToTheApiFromASignedInBrowser(Browsers browsers)
            throws IOException {
        // given a draft, and its officer signed in on the pages who then opens the API in the same browser with his
        // credentials in the address (which a browser answers, and remembers, when the API challenges it)
        long draft = Demo.draft(ENVELOPES, "Cible d'un formulaire forgé");
        Browser officer = browsers.open("officer").signIn("officer");
        officer.visit(Browser.BASE.replace("://", "://officer:officer@") + "/api/requests/" + draft);
        String apiPage = officer.source();

        // when a page of another site posts a form to the API in that browser
        String submit = Browser.BASE + "/api/requests/" + draft + "/submit";
        HttpServer attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>Win a prize</title></head><body>"
                + "<form id=\"forged\" method=\"post\" action=\"" + submit + "\"><button id=\"go\">Go</button>"
                + "</form></body></html>").getBytes(StandardCharsets.UTF_8);
        attacker.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        attacker.start();
        String answer;
        try {
            officer.visit("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
            officer.clickAndWait(By.id("go"));
            answer = officer.source();
        } finally {
            attacker.stop(0);
        }

        // then the API asked for no password the browser would keep, and the draft is untouched
        assertThat(apiPage).contains("unauthenticated").doesNotContain("Cible d'un formulaire forgé");
        assertThat(answer).doesNotContain("SUBMITTED").doesNotContain("IN_INSTRUCTION");
        assertThat(Api.as("officer").get("/requests/" + draft).json().get("status").asText()).isEqualTo("DRAFT");

        // while a client's call without a body, credentials sent unasked, still goes through
        assertThat(Api.as("officer").post("/requests/" + draft + "/submit", null).status()).isEqualTo(200);
        assertThat(Api.as("officer").get("/requests/" + draft).json().get("status").asText()).isNotEqualTo("DRAFT");
    }

    @Test
    void shouldEndTheSessionOfAUserWhosePasswordIsResetAndHaveHimChooseHisOwnBeforeWorking(Browsers browsers) {
        // given a user who chose his own password and works on the pages
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Api.as("admin").post("/users", "{\"username\":\"" + username + "\",\"password\":\"chosen by the "
                + "admin\",\"roles\":[\"OFFICER\"],\"organisationId\":" + Demo.organisationId("Caisse des Dépôts")
                + "}").status()).isEqualTo(201);
        Browser user = browsers.open("user").signIn(username, "chosen by the admin");
        assertThat(user.url()).contains("/app/password.xhtml");
        user.open("/app/requests.xhtml");
        assertThat(user.url()).as("no other page before the change").contains("/app/password.xhtml");
        user.chooseOwnPassword("chosen by the admin", "my own password");
        user.open("/app/requests.xhtml");
        assertThat(user.url()).contains("/app/requests.xhtml");

        // when the administrator resets his password
        assertThat(Api.as("admin").put("/users/" + username + "/password", "{\"password\":\"reset by the admin\"}")
                .status()).isEqualTo(200);

        // then his session is over, and signing in again leads to the password page first
        user.open("/app/requests.xhtml");
        assertThat(user.url()).contains("/login.xhtml");
        user.signIn(username, "reset by the admin");
        assertThat(user.url()).contains("/app/password.xhtml");
        assertThat(user.source()).contains("password-required");
    }

    @Test
    void shouldRefuseToBeFramedSendUnsignedVisitorsToTheLoginPageAndKeepTheSessionCookieToItself(Browsers browsers) {
        // when an unsigned visitor opens a page of the application
        Api.Reply page = Api.anonymousPage("/app/requests.xhtml");
        Browser visitor = browsers.open("visitor").open("/app/tasks.xhtml");

        // then he is sent to the login page, and no page may be framed by another site
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).contains("/login.xhtml"));
        assertThat(page.raw().headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(page.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.raw().headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(visitor.url()).contains("/login.xhtml");

        // and the login page's session cookie is out of reach of scripts and of other sites' requests, and never kept
        Api.Reply login = Api.anonymousPage("/login.xhtml");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(login.raw().headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().satisfies(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Strict"));
    }
}
