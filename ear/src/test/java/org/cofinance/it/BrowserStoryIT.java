package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The whole story in the browser: officer, three approvers of three organisations, finance. */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(Browsers.class)
@RunAsClient
class BrowserStoryIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-BROWSERSTORY");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldCarryARequestFromTheOfficerThroughThreeApproversToFinanceAndItsReport(Browsers browsers)
            throws IOException {
        // given the committed balance of the CDC's subsidy envelope before the story
        BigDecimal committedBefore = Demo.money(Demo.envelope(ENVELOPES.cdcSub()), "committed");

        // when an officer registers a balanced request in the editor and submits it
        Browser officer = browsers.open("officer").signIn("officer");
        officer.clickAndWait(By.id("requests:new-request"));
        officer.type(By.id("editor:title"), "Résidence des chercheurs – parcours navette");
        officer.type(By.id("editor:territory"), "Dijon Métropole");
        officer.choose(By.id("editor:theme"), "Logement, immobilier");
        officer.chooseStartingWith(By.id("editor:lead"), "Agrinova");
        officer.type(By.id("editor:cost"), "12 000 000,00");
        officer.clickAndWait(By.id("editor:add-line"));
        officer.clickAndWait(By.id("editor:add-line"));
        officer.clickAndWait(By.id("editor:add-line"));
        line(officer, 0, "Caisse des Dépôts", "Subvention", ENVELOPES.cdcSub(), "4 000 000");
        line(officer, 1, "Fonds Résidence", "Fonds propres", ENVELOPES.fund(), "3 000 000,00");
        line(officer, 2, "Région", "Subvention", ENVELOPES.region(), "2000000");
        line(officer, 3, "Agrinova", "Autofinancement", null, "3 000 000");
        officer.find(By.id("editor:title")).click();
        officer.waitForText(By.id("remaining"), "0,00 €");
        assertThat(spaces(officer.text(By.id("plan-total")))).isEqualTo("12 000 000,00 €");
        officer.clickAndWait(By.id("editor:submit"));

        // then the request page shows it in instruction, with its instruction task for the officer
        String reference = officer.title().substring(0, officer.title().indexOf(' '));
        long id = Long.parseLong(officer.url().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertThat(officer.text(By.id("request-status"))).isEqualTo("En instruction");
        officer.clickAndWait(By.cssSelector("a.task-link"));
        answer(officer, "APPROVE");
        Demo.awaitReservation(id);

        // when three approvers of three organisations approve it from their task lists
        for (String approver : new String[] {"cdc", "investor", "region"}) {
            Browser browser = browsers.open(approver).signIn(approver);
            assertThat(browser.url()).contains("/app/tasks.xhtml");
            browser.open("/app/tasks.xhtml?q=" + reference);
            By row = By.cssSelector("tr.task-row[data-request='" + reference + "']");
            browser.clickAndWait(browser.find(row).findElement(By.cssSelector("input.claim")));
            browser.clickAndWait(browser.find(row).findElement(By.cssSelector("a.task-link")));
            assertThat(browser.text(By.id("plan"))).contains(ENVELOPES.cdcSub());
            answer(browser, "APPROVE");
            browser.open("/app/tasks.xhtml?q=" + reference);
            assertThat(browser.all(row)).isEmpty();
        }

        // then the request is approved
        officer.open("/app/requests.xhtml");
        officer.type(By.id("requests:text"), reference);
        officer.clickAndWait(By.id("requests:filter"));
        officer.clickAndWait(By.linkText(reference));
        assertThat(officer.text(By.id("request-status"))).isEqualTo("Approuvée");
        assertThat(officer.text(By.id("timeline"))).contains("Engagement");
        assertThat(officer.find(By.cssSelector("#diagram[data-drawn='true']"))).isNotNull();
        assertThat(officer.all(By.cssSelector("#diagram .djs-element.step-done"))).isNotEmpty();
        String current = officer.find(By.cssSelector("#process-steps li[data-state='ACTIVE']")).getAttribute("data-activity");
        assertThat(officer.find(By.cssSelector("#diagram .djs-element.step-active[data-element-id='" + current + "']")))
                .isNotNull();
        assertThat(officer.all(By.cssSelector("#process-steps li[data-state='DONE']"))).isNotEmpty();
        assertThat(officer.all(By.tagName("script"))).allSatisfy(script -> assertThat(script.getAttribute("src"))
                .satisfiesAnyOf(src -> assertThat(src).isNullOrEmpty(), src -> assertThat(src).startsWith(Browser.BASE)));

        // and finance sees the envelope move by the CDC's 4 M€ and downloads the envelope report
        Browser finance = browsers.open("finance").signIn("finance");
        assertThat(finance.url()).contains("/app/envelopes.xhtml");
        String committed = finance.text(By.cssSelector("tr[data-code='" + ENVELOPES.cdcSub() + "'] td.committed"));
        assertThat(spaces(committed)).isEqualTo(euros(committedBefore.add(new BigDecimal("4000000.00"))));
        finance.clickAndWait(By.id("nav-reports"));
        finance.choose(By.id("reports:name"), "État des enveloppes");
        finance.choose(By.id("reports:format"), "PDF");
        finance.find(By.id("reports:download")).click();
        Path pdf = finance.downloaded(".pdf");
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            // a code too long for its column is wrapped at a hyphen: read it whole again
            String text = spaces(new PDFTextStripper().getText(document)).replace("-\n", "-");
            assertThat(text).contains(ENVELOPES.cdcSub()).contains(euros(committedBefore.add(
                    new BigDecimal("4000000.00"))).replace(" €", ""));
        }
    }

    @Test
    void shouldSendASaveOnlyOnceThePagesOwnUpdateOnItsWayIsAnswered(Browsers browsers) throws SQLException {
        // given an officer who has typed a new request, while an update of the page is still on its way
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request-edit.xhtml");
        String title = "Projet envoyé après la mise à jour " + UUID.randomUUID().toString().substring(0, 8);
        officer.type(By.id("editor:title"), title);
        officer.type(By.id("editor:territory"), "Pays de Montbéliard");
        officer.choose(By.id("editor:theme"), "Santé");
        officer.chooseStartingWith(By.id("editor:lead"), "Agrinova");
        officer.chooseStartingWith(By.id("editor:lines:0:organisation"), "Caisse des Dépôts");
        officer.choose(By.id("editor:lines:0:instrument"), "Subvention");
        officer.chooseStartingWith(By.id("editor:lines:0:envelope"), "AMI-TIGA-SUB");
        officer.type(By.id("editor:lines:0:amount"), "150 000");
        officer.clickAndWait(By.id("editor:add-line"));
        officer.chooseStartingWith(By.id("editor:lines:1:organisation"), "Agrinova");
        officer.choose(By.id("editor:lines:1:instrument"), "Autofinancement");
        officer.type(By.id("editor:lines:1:amount"), "100 000");
        officer.type(By.id("editor:cost"), "250 000,00");
        officer.awaitUpdatesAnswered();
        officer.script("PrimeFaces.ajax.Queue.requests.push({source: 'an update on its way'})");

        // when he clicks "save" (which leaves the cost field, whose change is one more update)
        officer.find(By.id("editor:save")).click();

        // then the form waits for the updates to be answered, and nothing is saved meanwhile
        assertThat(officer.find(By.id("editor")).getAttribute("data-waiting-for-update")).isEqualTo("true");
        assertThat(drafts(title)).isZero();

        // when they are answered
        officer.script("PrimeFaces.ajax.Queue.requests.length = 0");

        // then the form is sent as the button sent it: the draft is saved, once
        assertThat(officer.find(By.xpath("//*[starts-with(normalize-space(text()), 'Brouillon CF-')]")).getText())
                .endsWith("enregistré.");
        assertThat(officer.value(By.id("editor:title"))).isEqualTo(title);
        assertThat(drafts(title)).isEqualTo(1);
    }

    private static long drafts(String title) throws SQLException {
        try (Connection db = Sql.connect();
             PreparedStatement count = db.prepareStatement("select count(*) from funding_request where title = ? "
                     + "and status = 'DRAFT'")) {
            count.setString(1, title);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void shouldKeepWhatWasTypedWhenTheFormIsRefused(Browsers browsers) throws SQLException {
        // given an officer in the request editor
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request-edit.xhtml");

        // when he types a cost that is not an amount and a plan line without organisation, and saves
        officer.type(By.id("editor:title"), "Projet gardé malgré l'erreur");
        officer.type(By.id("editor:territory"), "Pays de Montbéliard");
        officer.choose(By.id("editor:theme"), "Santé");
        officer.type(By.id("editor:cost"), "douze millions");
        officer.type(By.id("editor:lines:0:amount"), "1 500 000,50");
        officer.clickAndWait(By.id("editor:save"));

        // then the refusal is shown beside the fields, everything typed is still there, and nothing is stored
        assertThat(officer.text(By.id("editor:cost-error"))).isNotBlank();
        assertThat(officer.value(By.id("editor:title"))).isEqualTo("Projet gardé malgré l'erreur");
        assertThat(officer.value(By.id("editor:territory"))).isEqualTo("Pays de Montbéliard");
        assertThat(officer.value(By.id("editor:cost"))).isEqualTo("douze millions");
        assertThat(officer.value(By.id("editor:lines:0:amount"))).isEqualTo("1 500 000,50");
        assertThat(officer.source()).contains("La saisie contient des erreurs");
        try (Connection db = Sql.connect();
             PreparedStatement count = db.prepareStatement("select count(*) from funding_request where title = ?")) {
            count.setString(1, "Projet gardé malgré l'erreur");
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    private static void line(Browser officer, int index, String organisation, String instrument, String envelope,
                             String amount) {
        String prefix = "editor:lines:" + index + ":";
        officer.chooseStartingWith(By.id(prefix + "organisation"), organisation);
        officer.choose(By.id(prefix + "instrument"), instrument);
        if (envelope != null) {
            officer.chooseStartingWith(By.id(prefix + "envelope"), envelope);
        }
        officer.type(By.id(prefix + "amount"), amount);
    }

    private static void answer(Browser browser, String decision) {
        browser.find(By.cssSelector("input[type=radio][value='" + decision + "']")).click();
        browser.clickAndWait(By.id("task:complete"));
        assertThat(browser.url()).contains("/app/tasks.xhtml");
    }

    /** French amounts as the pages write them, with plain spaces. */
    static String euros(BigDecimal amount) {
        return spaces(NumberFormat.getCurrencyInstance(Locale.FRANCE).format(amount));
    }

    static String spaces(String text) {
        return Browser.plain(text);
    }
}
