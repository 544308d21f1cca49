package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.cofinance.bpmn.FundingRequestProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The daily work on the pages: task list features, tranches and their validation, background exports, language. */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(Browsers.class)
@RunAsClient
class BrowserWorkIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-BROWSERWORK");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldClaimSeveralTasksAtOnceThenDelegateOneToAColleagueWhoGivesItBack(Browsers browsers) {
        // given two requests awaiting the CDC's decision, and a second CDC approver the administrator creates
        String first = reference(Demo.submittedRequest(ENVELOPES, "Tâches groupées 1"));
        String second = reference(Demo.submittedRequest(ENVELOPES, "Tâches groupées 2"));
        String colleague = "cdc-" + UUID.randomUUID().toString().substring(0, 6);
        Browser admin = browsers.open("admin").signIn("admin");
        admin.open("/app/admin.xhtml");
        admin.type(By.id("new-user:username"), colleague);
        admin.type(By.id("new-user:display-name"), "Collègue CDC");
        admin.chooseStartingWith(By.id("new-user:organisation"), "Caisse des Dépôts");
        admin.find(By.cssSelector("input[name='new-user:roles'][value='APPROVER']")).click();
        admin.type(By.id("new-user:password"), "collègue-de-confiance");
        admin.clickAndWait(By.id("new-user:create-user"));

        // when the CDC approver looks for them by their title in his organisation's unassigned list, ticks both
        // tasks and claims them at once
        Browser cdc = browsers.open("cdc").signIn("cdc");
        cdc.type(By.id("tasks:search"), "tâches GROUPÉES");
        cdc.clickAndWait(By.id("tasks:filter"));
        cdc.clickAndWait(By.id("tasks:show-unassigned"));
        for (String reference : new String[] {first, second}) {
            cdc.find(By.cssSelector("tr.task-row[data-request='" + reference + "'] input.select-task")).click();
        }
        cdc.clickAndWait(By.id("tasks:claim-selected"));

        // then both are his
        cdc.clickAndWait(By.id("tasks:show-mine"));
        assertThat(cdc.text(By.id("task-table"))).contains(first, second);

        // when he delegates the first to his colleague, who gives it back resolved
        cdc.clickAndWait(cdc.find(By.cssSelector("tr.task-row[data-request='" + first + "'] a.task-link")));
        cdc.choose(By.id("task:colleague"), colleague);
        cdc.clickAndWait(By.id("task:delegate"));
        assertThat(cdc.text(By.id("assignee"))).isEqualTo(colleague);
        Browser other = browsers.open(colleague).signIn(colleague, "collègue-de-confiance")
                .chooseOwnPassword("collègue-de-confiance", "ma propre phrase de passe");
        other.open("/app/tasks.xhtml?q=" + first);
        other.clickAndWait(other.find(By.cssSelector("tr.task-row[data-request='" + first + "'] a.task-link")));
        assertThat(other.maybe(By.id("task:complete"))).isEmpty();
        other.clickAndWait(By.id("task:resolve"));

        // then the task is the CDC approver's again, and he can decide
        cdc.open("/app/tasks.xhtml?q=" + first);
        cdc.clickAndWait(cdc.find(By.cssSelector("tr.task-row[data-request='" + first + "'] a.task-link")));
        assertThat(cdc.text(By.id("assignee"))).isEqualTo("cdc");
        assertThat(cdc.maybe(By.id("task:complete"))).isPresent();
    }

    @Test
    void shouldLetFinanceValidateFromItsQueueATrancheTheOfficerAsked(Browsers browsers) {
        // given a request whose convention is signed
        JsonNode approved = Demo.contractedRequest(ENVELOPES, "Tranche validée à l'écran");
        String reference = approved.get("reference").asText();

        // when the officer asks for a 1 200 000,00 € tranche on its page
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request.xhtml?id=" + approved.get("id").asLong());
        officer.type(By.id("request:tranche-amount"), "1 200 000,00");
        officer.type(By.id("request:tranche-evidence"), "Procès-verbal de démarrage");
        officer.clickAndWait(By.id("request:ask-tranche"));
        assertThat(officer.source()).contains("attend la validation");

        // and finance validates it from its queue
        Browser finance = browsers.open("finance").signIn("finance");
        finance.clickAndWait(By.id("nav-disbursements"));
        By row = By.xpath("//tr[contains(@class,'disbursement-row')][.//a[text()='" + reference + "']]");
        assertThat(finance.text(row)).contains("1 200 000,00 €", "Procès-verbal de démarrage", "officer");
        finance.clickAndWait(finance.find(row).findElement(By.cssSelector("input.validate")));

        // then the tranche is paid, out of the queue, and on the request's timeline
        assertThat(finance.source()).contains("Versement validé");
        assertThat(finance.all(row)).isEmpty();
        officer.open("/app/request.xhtml?id=" + approved.get("id").asLong());
        assertThat(officer.text(By.id("timeline"))).contains("Versement");
        assertThat(officer.text(By.id("commitments"))).contains("1 200 000,00 €");
    }

    @Test
    void shouldSignTheConventionEvidenceAMilestoneAndHaveFinancePayIt(Browsers browsers) {
        // given an approved request
        JsonNode approved = Demo.approvedRequest(ENVELOPES, "Convention signée à l'écran");
        long id = approved.get("id").asLong();
        String reference = approved.get("reference").asText();

        // when the officer keeps the signed copy on the request page, signs, keeps the first milestone's evidence
        // and records it
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request.xhtml?id=" + id);
        keep(officer, "Convention signée", null, "convention-signée.pdf");
        assertThat(officer.text(By.id("document-list"))).contains("convention-signée.pdf", "Convention signée");
        officer.clickAndWait(By.linkText("Signer la convention"));
        answer(officer, "APPROVE", null);
        officer.open("/app/request.xhtml?id=" + id);
        assertThat(officer.text(By.id("request-status"))).isEqualTo("Conventionnée");
        keep(officer, "Pièce justificative", "À la signature", "pv-de-démarrage.pdf");
        officer.clickAndWait(By.linkText("Justifier le jalon"));
        assertThat(officer.text(By.id("tranche"))).contains("À la signature", "30.00 %");
        answer(officer, "APPROVE", "Convention signée le 26/11/2026");

        // and the CDC's finance validates its share from its task list, the other funders' finance theirs
        Browser finance = browsers.open("finance").signIn("finance");
        finance.open("/app/tasks.xhtml?q=" + reference);
        finance.clickAndWait(finance.find(By.cssSelector("tr.task-row[data-request='" + reference + "'] a.task-link")));
        assertThat(finance.text(By.id("tranche"))).contains("Convention signée le 26/11/2026", "officer");
        assertThat(finance.text(By.id("evidence-documents"))).contains("pv-de-démarrage.pdf");
        answer(finance, "APPROVE", null);
        officer.open("/app/request.xhtml?id=" + id);
        assertThat(officer.text(By.id("commitments"))).contains("1 200 000,00 €");
        assertThat(officer.text(By.id("tranches"))).doesNotContain("Versée");
        for (String other : List.of("finance-investor", "finance-region")) {
            assertThat(Demo.answer(other, id, FundingRequestProcess.VALIDATE_PAYMENT, "{\"decision\":\"APPROVE\"}")
                    .status()).isEqualTo(204);
        }

        // then the first tranche is paid: 30 % of each commitment
        officer.open("/app/request.xhtml?id=" + id);
        assertThat(officer.text(By.id("tranches"))).contains("Versée");
        assertThat(officer.text(By.id("commitments"))).contains("1 200 000,00 €", "900 000,00 €", "600 000,00 €");
    }

    @Test
    void shouldShowTheUploadsProgressAndRefuseAFileTooLargeBeforeSendingIt(Browsers browsers) throws IOException {
        // given an officer on an approved request's page, the bytes his browser reports sent watched as they go
        JsonNode approved = Demo.approvedRequest(ENVELOPES, "Dossier déposé avec sa barre de progression");
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request.xhtml?id=" + approved.get("id").asLong());
        officer.script("""
                sessionStorage.removeItem('seen');
                var send = XMLHttpRequest.prototype.send;
                XMLHttpRequest.prototype.send = function (body) {
                    this.upload.addEventListener('progress', function () {
                        var bar = document.getElementById('upload-progress');
                        sessionStorage.setItem('seen', JSON.stringify({ shown: !bar.hidden, value: bar.value,
                            max: bar.max, status: document.getElementById('upload-status').textContent }));
                    });
                    return send.call(this, body);
                };""");

        // when he keeps a 6 MB project file
        Path large = Files.createTempDirectory("cofinance-upload").resolve("dossier-complet.pdf");
        byte[] pdf = new byte[6_000_000];
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        Files.write(large, pdf);
        officer.choose(By.id("documents:kind"), "Dossier de projet");
        officer.find(By.id("documents:file")).sendKeys(large.toAbsolutePath().toString());
        officer.clickAndWait(By.id("documents:upload"));

        // then the bar followed the whole file to its end, and the page the server answered lists it
        JsonNode seen = new ObjectMapper().readTree((String) officer.script("return sessionStorage.getItem('seen');"));
        assertThat(seen.get("shown").asBoolean()).isTrue();
        assertThat(seen.get("max").asLong()).isGreaterThan(6_000_000L);
        assertThat(seen.get("value").asLong()).isEqualTo(seen.get("max").asLong());
        assertThat(seen.get("status").asText()).isEqualTo("Envoi du fichier : 100 %");
        assertThat(officer.text(By.id("document-list"))).contains("dossier-complet.pdf", "Dossier de projet");
        assertThat(officer.source()).contains("Document dossier-complet.pdf déposé.");

        // and a file beyond the limit is refused beside its field, the page kept and nothing sent
        Path tooLarge = large.resolveSibling("trop-gros.pdf");
        Files.write(tooLarge, new byte[21 * 1024 * 1024]);
        officer.script("sessionStorage.removeItem('seen');");
        WebElement page = officer.find(By.tagName("html"));
        officer.find(By.id("documents:file")).sendKeys(tooLarge.toAbsolutePath().toString());
        officer.find(By.id("documents:upload")).click();
        assertThat(officer.text(By.id("file-refused"))).isEqualTo("le fichier dépasse la taille admise (20 Mio)");
        assertThat(officer.stillShows(page)).isTrue();
        assertThat(officer.script("return sessionStorage.getItem('seen');")).isNull();
        assertThat(officer.text(By.id("document-list"))).doesNotContain("trop-gros.pdf");
    }

    /** Keeps a one-page PDF of that kind (and tranche) from the request page's upload form. */
    private static void keep(Browser officer, String kind, String tranche, String name) {
        Path file;
        try {
            file = Files.createTempDirectory("cofinance-upload").resolve(name);
            Files.write(file, ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        officer.choose(By.id("documents:kind"), kind);
        if (tranche != null) {
            officer.choose(By.id("documents:tranche"), tranche);
        }
        officer.find(By.id("documents:file")).sendKeys(file.toAbsolutePath().toString());
        officer.clickAndWait(By.id("documents:upload"));
    }

    @Test
    void shouldSignTheConventionOnTheScheduleTheOfficerTypesKeepingWhatHeTypedOnAnError(Browsers browsers) {
        // given an approved request whose signed copy is kept, and its officer on the convention's task
        JsonNode approved = Demo.approvedRequest(ENVELOPES, "Échéancier saisi à l'écran");
        long id = approved.get("id").asLong();
        Demo.upload(id, "CONVENTION_SIGNED", null);
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request.xhtml?id=" + id);
        officer.clickAndWait(By.linkText("Signer la convention"));

        // when he types two tranches whose shares make 90 %
        officer.clickAndWait(By.id("task:add-tranche"));
        officer.clickAndWait(By.id("task:add-tranche"));
        List<String[]> typed = List.of(new String[] {"Démarrage du chantier", "40,00", "01/01/2030"},
                new String[] {"Livraison", "50,00", "30/06/2031"});
        for (int i = 0; i < typed.size(); i++) {
            officer.all(By.cssSelector("input.schedule-label")).get(i).sendKeys(typed.get(i)[0]);
            officer.all(By.cssSelector("input.schedule-share")).get(i).sendKeys(typed.get(i)[1]);
            officer.all(By.cssSelector("input.schedule-due")).get(i).sendKeys(typed.get(i)[2]);
        }
        officer.find(By.cssSelector("input[type=radio][value='APPROVE']")).click();
        officer.clickAndWait(By.id("task:complete"));

        // then the schedule's error shows beside it, and what he typed is still there
        assertThat(officer.text(By.id("task:schedule-error"))).contains("100.00");
        assertThat(officer.all(By.cssSelector("input.schedule-label"))).extracting(e -> e.getAttribute("value"))
                .containsExactly("Démarrage du chantier", "Livraison");

        // when he makes the second tranche 60 % and signs
        WebElement second = officer.all(By.cssSelector("input.schedule-share")).get(1);
        second.clear();
        second.sendKeys("60,00");
        officer.find(By.cssSelector("input[type=radio][value='APPROVE']")).click();
        officer.clickAndWait(By.id("task:complete"));

        // then the request is contracted on his schedule
        officer.open("/app/request.xhtml?id=" + id);
        assertThat(officer.text(By.id("request-status"))).isEqualTo("Conventionnée");
        assertThat(officer.text(By.id("tranches"))).contains("Démarrage du chantier", "40.00", "01/01/2030",
                "Livraison", "60.00", "30/06/2031");
    }

    @Test
    void shouldFileAnAmendmentOnTheRequestPageAndHaveTheFunderDecideItFromItsTaskList(Browsers browsers) {
        // given a 300 000 € subsidy of an envelope of this test, its convention signed
        String code = Demo.newCdcEnvelope("IT-AVENANT-WEB", "1000000.00").get("code").asText();
        long id = AfterConventionIT.contracted("Avenant à l'écran", code, "300000.00");
        String reference = Api.as("officer").get("/requests/" + id).json().get("reference").asText();

        // when the officer raises the subsidy to 450 000 € with no reason
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request.xhtml?id=" + id);
        List<WebElement> amounts = officer.all(By.cssSelector("input[id$='amendment-amount']"));
        amounts.get(0).clear();
        amounts.get(0).sendKeys("450 000,00");
        officer.type(By.id("request:amendment-cost"), "850 000,00");
        officer.clickAndWait(By.id("request:file-amendment"));

        // then the reason's error shows beside it, and what he typed is still there
        assertThat(officer.text(By.id("request:amendment-reason-error"))).isNotBlank();
        assertThat(officer.all(By.cssSelector("input[id$='amendment-amount']")).get(0).getAttribute("value"))
                .isEqualTo("450 000,00");
        assertThat(officer.find(By.id("request:amendment-cost")).getAttribute("value")).isEqualTo("850 000,00");

        // when he gives the reason and files it
        officer.type(By.id("request:amendment-reason"), "Surcoût des fondations");
        officer.clickAndWait(By.id("request:file-amendment"));
        assertThat(officer.text(By.cssSelector("div.amendment[data-status='PENDING']")))
                .contains("Surcoût des fondations", "300 000,00 €", "450 000,00 €");

        // and the CDC's approver opens it from his task list, sees the change and approves it
        Browser cdc = browsers.open("cdc").signIn("cdc");
        cdc.open("/app/tasks.xhtml?q=" + reference);
        cdc.clickAndWait(cdc.find(By.cssSelector("tr.task-row[data-request='" + reference + "'] a.task-link")));
        assertThat(cdc.text(By.id("amendment-changes"))).contains(code, "300 000,00 €", "450 000,00 €");
        assertThat(cdc.text(By.id("amendment-reason"))).contains("Surcoût des fondations", "officer");
        answer(cdc, "APPROVE", "Surcoût justifié");

        // then the amendment is approved and the commitment raised
        officer.open("/app/request.xhtml?id=" + id);
        assertThat(officer.text(By.cssSelector("div.amendment"))).contains("Approuvé", "cdc");
        assertThat(officer.text(By.id("commitments"))).contains("450 000,00 €");
    }

    private static void answer(Browser browser, String decision, String comment) {
        browser.find(By.cssSelector("input[type=radio][value='" + decision + "']")).click();
        if (comment != null) {
            browser.type(By.id("task:comment"), comment);
        }
        browser.clickAndWait(By.id("task:complete"));
        assertThat(browser.url()).contains("/app/tasks.xhtml");
    }

    @Test
    void shouldFollowABackgroundExportToItsDownload(Browsers browsers) throws IOException {
        // given finance on the reports page
        Browser finance = browsers.open("finance").signIn("finance");
        finance.open("/app/reports.xhtml");

        // when it asks for the audit trail as CSV in the background
        finance.choose(By.id("reports:name"), "Piste d'audit");
        finance.choose(By.id("reports:format"), "CSV");
        finance.clickAndWait(By.id("reports:export"));

        // then the page follows its progress until the file is ready, and downloads it
        finance.waitForText(By.id("export-percent"), "100");
        finance.find(By.id("reports:download-export")).click();
        Path csv = finance.downloaded(".csv");
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(content.lines().count()).isGreaterThan(1);
        assertThat(content).contains("RESERVE");
    }

    @Test
    void shouldSpeakEnglishOnTheSwitchAndFrenchByDefault(Browsers browsers) {
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/requests.xhtml");
        assertThat(officer.text(By.tagName("h1"))).isEqualTo("Demandes de financement");

        officer.clickAndWait(By.id("session:language"));

        assertThat(officer.text(By.tagName("h1"))).isEqualTo("Funding requests");
        officer.open("/app/envelopes.xhtml");
        assertThat(officer.text(By.tagName("h1"))).isEqualTo("Envelopes");
    }

    private static String reference(long requestId) {
        return Api.as("officer").get("/requests/" + requestId).json().get("reference").asText();
    }
}
