package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Every page, public and signed-in, read by axe-core in headless Chromium: no serious or critical violation of the
 * WCAG 2.0 and 2.1 A and AA rules (RGAA asks WCAG 2.1 AA of French public bodies).
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(Browsers.class)
@RunAsClient
class BrowserAccessibilityIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-BROWSERACCESSIBILITY");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldBreakNoSeriousOrCriticalWcagRuleOnAnyPage(Browsers browsers) {
        List<String> violations = new ArrayList<>();
        // given a contracted request, a request in its funders' hands and a draft
        JsonNode contracted = Demo.contractedRequest(ENVELOPES, "Page accessible");
        long decided = Demo.submittedRequest(ENVELOPES, "Décision accessible");
        long draft = Demo.draft(ENVELOPES, "Brouillon accessible");

        // the public pages and the sign-in page, signed out
        Browser visitor = browsers.open("visitor");
        for (String page : List.of("/public/", "/public/?lang=en", "/public/formats.xhtml", "/login.xhtml")) {
            violations.addAll(visitor.open(page).accessibilityViolations());
        }

        // the officer's pages
        Browser officer = browsers.open("officer").signIn("officer");
        for (String page : List.of("/app/requests.xhtml", "/app/request.xhtml?id=" + contracted.get("id").asLong(),
                "/app/request-edit.xhtml?id=" + draft, "/app/tasks.xhtml", "/app/envelopes.xhtml",
                "/app/password.xhtml")) {
            violations.addAll(officer.open(page).accessibilityViolations());
        }

        // an approver's task list and decision form
        Browser cdc = browsers.open("cdc").signIn("cdc");
        violations.addAll(cdc.open("/app/tasks.xhtml").accessibilityViolations());
        String reference = Api.as("officer").get("/requests/" + decided).json().get("reference").asText();
        cdc.open("/app/tasks.xhtml?q=" + reference);
        cdc.clickAndWait(cdc.find(By.cssSelector("tr.task-row[data-request='" + reference + "'] a.task-link")));
        violations.addAll(cdc.accessibilityViolations());

        // finance's and the administrator's pages
        Browser finance = browsers.open("finance").signIn("finance");
        for (String page : List.of("/app/envelopes.xhtml", "/app/disbursements.xhtml", "/app/reports.xhtml",
                "/app/programmes.xhtml?programme=AMI-TIGA")) {
            violations.addAll(finance.open(page).accessibilityViolations());
        }
        Browser admin = browsers.open("admin").signIn("admin");
        violations.addAll(admin.open("/app/admin.xhtml").accessibilityViolations());

        assertThat(violations).isEmpty();
    }

    @Test
    void shouldLetAnOfficerEditAPlanAndAnApproverDecideWithTheKeyboardOnly(Browsers browsers) {
        // given a draft whose CDC line the officer lowers, with the keyboard only
        long draft = Demo.draft(ENVELOPES, "Plan au clavier");
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request-edit.xhtml?id=" + draft);
        officer.tabTo("editor:lines:0:amount");
        officer.press(Keys.chord(Keys.CONTROL, "a"), "3 900 000,00");
        officer.tabTo("editor:lines:3:amount");
        officer.press(Keys.chord(Keys.CONTROL, "a"), "3 100 000,00");
        officer.tabTo("editor:save");
        officer.press(Keys.ENTER);

        // then the plan is saved as typed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "3900000.00".equals(Api.as("officer").get("/requests/" + draft).json().get("plan").get(0)
                        .get("amount").asText()));

        // when the CDC's approver decides a request with the keyboard only
        long id = Demo.submittedRequest(ENVELOPES, "Décision au clavier");
        String task = Api.as("cdc").get("/tasks?requestId=" + id).json().get("items").get(0).get("id").asText();
        Browser cdc = browsers.open("cdc").signIn("cdc");
        cdc.open("/app/task.xhtml?id=" + task);
        cdc.tabTo("task:decision:0");
        cdc.press(Keys.SPACE);
        cdc.tabTo("task:complete");
        cdc.press(Keys.ENTER);

        // then the CDC approved it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                Api.as("officer").get("/requests/" + id).json().get("decisions").size() == 1);
        assertThat(Api.as("officer").get("/requests/" + id).json().get("decisions").get(0).get("decision").asText())
                .isEqualTo("APPROVE");
    }
}
