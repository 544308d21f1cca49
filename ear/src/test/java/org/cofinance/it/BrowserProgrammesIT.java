package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * Programmes on the pages: a coalition request typed in the editor (programme, partners, impact targets, the
 * partners' own money), what was typed kept on an error; the programme dashboard of a finance team, its charts each
 * with its table, read by axe-core; a programme created on the administration page.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(Browsers.class)
@RunAsClient
class BrowserProgrammesIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-BROWSERPROGRAMMES");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldTypeACoalitionRequestOfTheResidenceSchemeInTheEditor(Browsers browsers) throws SQLException {
        // given the officer in the editor of a new request of the residence scheme, with a partner and a target
        String title = "Coalition saisie " + UUID.randomUUID().toString().substring(0, 6);
        String envelope = ENVELOPES.cdcSub();
        Browser officer = browsers.open("officer").signIn("officer");
        officer.open("/app/request-edit.xhtml");
        officer.chooseStartingWith(By.id("editor:programme"), "RESIDENCE-300");
        officer.type(By.id("editor:title"), title);
        officer.type(By.id("editor:territory"), "Dijon Métropole");
        officer.choose(By.id("editor:theme"), "Logement, immobilier");
        officer.chooseStartingWith(By.id("editor:lead"), "Agrinova");
        officer.type(By.id("editor:cost"), "2000000");
        officer.clickAndWait(By.id("editor:add-partner"));
        officer.chooseStartingWith(By.id("editor:partners:0:partner"), "Université");
        officer.clickAndWait(By.id("editor:add-target"));
        officer.chooseStartingWith(By.id("editor:target-rows:0:indicator"), "Chercheurs accueillis");
        officer.type(By.id("editor:target-rows:0:target"), "beaucoup");
        officer.chooseStartingWith(By.id("editor:lines:0:organisation"), "Caisse des Dépôts");
        officer.choose(By.id("editor:lines:0:instrument"), "Subvention");
        officer.chooseStartingWith(By.id("editor:lines:0:envelope"), envelope);
        officer.type(By.id("editor:lines:0:amount"), "800000");
        officer.clickAndWait(By.id("editor:add-line"));
        officer.chooseStartingWith(By.id("editor:lines:1:organisation"), "Agrinova");
        officer.choose(By.id("editor:lines:1:instrument"), "Autofinancement");
        officer.type(By.id("editor:lines:1:amount"), "700000");
        officer.clickAndWait(By.id("editor:add-line"));
        officer.chooseStartingWith(By.id("editor:lines:2:organisation"), "Université");
        officer.choose(By.id("editor:lines:2:instrument"), "Autofinancement");
        officer.type(By.id("editor:lines:2:amount"), "500000");

        // when he saves with a target that is not a number
        officer.clickAndWait(By.id("editor:save"));

        // then the refusal stands beside the target, everything typed is kept, nothing is stored
        assertThat(officer.text(By.id("editor:target-rows:0:target-error"))).contains("nombre décimal");
        assertThat(officer.value(By.id("editor:target-rows:0:target"))).isEqualTo("beaucoup");
        assertThat(officer.value(By.id("editor:title"))).isEqualTo(title);
        assertThat(officer.value(By.id("editor:lines:2:amount"))).isEqualTo("500000");
        assertThat(requestsTitled(title)).isZero();

        // when he corrects it and saves
        officer.type(By.id("editor:target-rows:0:target"), "300");
        officer.clickAndWait(By.id("editor:save"));
        officer.clickAndWait(By.id("editor:to-request"));

        // then the request page shows its programme, its coalition and its target
        assertThat(requestsTitled(title)).isEqualTo(1);
        assertThat(officer.text(By.id("programme"))).isEqualTo("RESIDENCE-300");
        assertThat(officer.text(By.id("partners"))).contains("Université de Bourgogne");
        assertThat(officer.text(By.id("indicators"))).contains("Chercheurs accueillis", "300 persons",
                "non déclaré");
    }

    @Test
    void shouldShowAFinanceTeamTheProgrammeDashboardAsChartsAndTables(Browsers browsers) {
        // given an approved request of the residence scheme in a territory of its own, the CDC funding it
        String territory = "Tableau-" + UUID.randomUUID().toString().substring(0, 6);
        long cdc = Demo.organisationId("Caisse des Dépôts");
        long lead = Demo.organisationId("Agrinova");
        long id = Demo.instructedRequest("""
                {"programmeCode": "RESIDENCE-300", "title": "Tableau de bord", "territory": "%s", "theme": "HOUSING",
                 "leadOrganisationId": %d, "eligibleCost": "2000000.00",
                 "indicators": [{"code": "HOUSING_UNITS", "target": "80"}],
                 "plan": [{"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY",
                           "amount": "800000.00"},
                          {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING",
                           "amount": "1200000.00"}]}
                """.formatted(territory, lead, cdc, ENVELOPES.cdcSub(), lead));
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);

        // when the CDC's finance opens the dashboard of the scheme in that territory
        Browser finance = browsers.open("finance").signIn("finance");
        finance.open("/app/programmes.xhtml");
        finance.chooseStartingWith(By.id("dashboard:programme"), "RESIDENCE-300");
        finance.type(By.id("dashboard:territory"), territory);
        finance.clickAndWait(By.id("dashboard:show"));

        // then each chart is drawn with its table, in French formats
        assertThat(finance.all(By.cssSelector("#envelope-chart rect.bar"))).isNotEmpty();
        assertThat(finance.text(By.id("envelope-table"))).contains(ENVELOPES.cdcSub(), "800 000,00 €");
        assertThat(finance.text(By.id("pipeline-table"))).contains("Approuvée", "2 000 000,00 €");
        assertThat(finance.all(By.cssSelector("#leverage-chart rect.bar"))).hasSize(2);
        assertThat(finance.text(By.id("leverage-table"))).contains(territory, "800 000,00 €", "1 200 000,00 €",
                "1,5");
        assertThat(finance.text(By.id("impact-table"))).contains("Logements livrés", "80 number", "non déclaré");
        assertThat(finance.accessibilityViolations()).isEmpty();
    }

    @Test
    void shouldCreateAProgrammeOnTheAdministrationPageKeepingWhatWasTypedOnAnError(Browsers browsers) {
        String code = "IT-PAGE-" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        Browser admin = browsers.open("admin").signIn("admin");
        admin.open("/app/admin.xhtml");
        admin.type(By.id("programmes:programme-code"), code);
        admin.type(By.id("programmes:programme-name"), "Appel des territoires ruraux");
        admin.chooseStartingWith(By.id("programmes:programme-operator"), "Région");
        admin.type(By.id("programmes:programme-opens"), "31/02/2027");
        admin.find(By.cssSelector("input[name='programmes:programme-themes'][value='ENERGY']")).click();
        admin.clickAndWait(By.id("programmes:add-indicator"));
        admin.type(By.id("programmes:indicator-rows:0:indicator-code"), "JOBS");
        admin.type(By.id("programmes:indicator-rows:0:indicator-label"), "Emplois créés");
        admin.type(By.id("programmes:indicator-rows:0:indicator-unit"), "ETP");

        // when the day does not exist
        admin.clickAndWait(By.id("programmes:create-programme"));
        assertThat(admin.text(By.id("programmes:programme-opens-error"))).isNotBlank();
        assertThat(admin.value(By.id("programmes:programme-opens"))).isEqualTo("31/02/2027");
        assertThat(admin.value(By.id("programmes:indicator-rows:0:indicator-label"))).isEqualTo("Emplois créés");

        // then, corrected, the programme is created and listed
        admin.type(By.id("programmes:programme-opens"), "01/03/2027");
        admin.clickAndWait(By.id("programmes:create-programme"));
        assertThat(admin.text(By.id("programme-list"))).contains(code, "Appel des territoires ruraux",
                "01/03/2027", "Emplois créés (ETP)");
        JsonNode created = Api.as("finance").get("/programmes/" + code).json();
        assertThat(created.get("themes")).extracting(JsonNode::asText).containsExactly("ENERGY");
    }

    private static long requestsTitled(String title) throws SQLException {
        try (Connection db = Sql.connect();
             PreparedStatement count = db.prepareStatement("select count(*) from funding_request where title = ?")) {
            count.setString(1, title);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
