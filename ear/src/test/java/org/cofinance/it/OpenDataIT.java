package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.opendata.OfficialSchemas;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The open data on PostgreSQL, read without signing in: the grants of signed conventions only, the public funders'
 * subsidies only, nothing personal; the same with or without credentials; the anonymous reader throttled per address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenDataIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-OPENDATA");

    private static final String CDC_SIRET = "18002002600019";
    private static final String REGION_SIRET = "20004100000015";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldPublishTheSubsidiesOfSignedConventionsOnlyToAnyoneInBothFormats() {
        // given a contracted request (CDC 4 M€ subsidy, the fund 3 M€ equity, the region 2 M€ subsidy) and an
        // approved one whose convention is not signed
        JsonNode contracted = Demo.contractedRequest(ENVELOPES, "Publiée en open data");
        String reference = contracted.get("reference").asText();
        String unsigned = Demo.approvedRequest(ENVELOPES, "Pas encore signée").get("reference").asText();

        // when anyone reads the SCDL file
        Api.Reply csv = Api.anonymous().get("/opendata/scdl/subventions.csv");

        // then it is the schema's CSV, with one row per public subsidy of the signed convention, nothing else
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw().headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"cofinance_\\d{4}-\\d{2}-\\d{2}_subventions\\.csv\"");
        assertThat(csv.raw().headers().firstValue("Cache-Control").orElse("")).contains("public");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("nomAttribuant,idAttribuant,dateConvention,referenceDecision,"
                + "nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,"
                + "datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide");
        List<String> ours = lines.stream().filter(l -> l.contains("," + reference + ",")).toList();
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        assertThat(ours).hasSize(2).allSatisfy(l -> assertThat(l).contains(today + "," + reference
                + ",Agrinova SAS,77523456700011,,Publiée en open data,", ",aide en numéraire,échelonné,", ",non,1.00,"));
        assertThat(ours).anyMatch(l -> l.contains(CDC_SIRET) && l.contains(",4000000.00,"))
                .anyMatch(l -> l.contains(REGION_SIRET) && l.contains(",2000000.00,"));
        assertThat(csv.body()).doesNotContain(unsigned, "3000000.00,aide", "officer", "@");
        assertThat(OfficialSchemas.scdl().errors(csv.body())).as("the official SCDL schema, over the demo data too")
                .isEmpty();

        // and the same with credentials, and for one attributing organisation
        assertThat(Api.as("officer").get("/opendata/scdl/subventions.csv").body()).isEqualTo(csv.body());
        Api.Reply cdcOnly = Api.anonymous().get("/opendata/scdl/subventions.csv?attribuant=" + REGION_SIRET);
        assertThat(cdcOnly.body().lines().skip(1)).isNotEmpty().allMatch(l -> l.contains("," + REGION_SIRET + ","));
        assertThat(cdcOnly.raw().headers().firstValue("Content-Disposition").orElse(""))
                .contains(REGION_SIRET + "_");
        Api.Reply badSiret = Api.anonymous().get("/opendata/scdl/subventions.csv?attribuant=18002002600018&year=20");
        assertThat(badSiret.status()).isEqualTo(400);
        assertThat(badSiret.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("attribuant", "year");

        // and the 360Giving package holds the same grants, amounts as numbers
        Api.Reply package360 = Api.anonymous().get("/opendata/360giving.json");
        assertThat(OfficialSchemas.threeSixtyGiving().validate(package360.body(), InputFormat.JSON))
                .as("the official 360Giving schema, over the demo data too").isEmpty();
        JsonNode giving = package360.json();
        List<JsonNode> grants = new ArrayList<>();
        giving.get("grants").forEach(g -> {
            if (g.get("id").asText().startsWith("360G-cofinance-" + reference + "-")) {
                grants.add(g);
            }
        });
        assertThat(grants).extracting(g -> g.get("amountAwarded").decimalValue().setScale(2).toPlainString())
                .containsExactlyInAnyOrder("4000000.00", "2000000.00");
        assertThat(Api.anonymous().get("/opendata/360giving.json").body()).contains("\"amountAwarded\":4000000.00");
        assertThat(grants).allSatisfy(g -> {
            assertThat(g.get("amountAwarded").isNumber()).isTrue();
            assertThat(g.get("recipientOrganization").get(0).get("id").asText()).isEqualTo("FR-RCS-77523456700011");
            assertThat(g.get("beneficiaryLocation").get(0).get("name").asText()).isEqualTo("Dijon Métropole");
        });
        assertThat(giving.toString()).doesNotContain(unsigned);

        // and the public pages show it without signing in: its public funders by name and amount, the private money
        // as one total (the fund's 3 M€ and the lead's 3 M€), in French and in English
        Api.Reply page = Api.anonymousPage("/public/?territory=Dijon%20M%C3%A9tropole");
        assertThat(page.status()).isEqualTo(200);
        String project = section(page.body(), reference);
        assertThat(project).contains("Publiée en open data", "Caisse des Dépôts", "4 000 000,00 €",
                "Région Bourgogne-Franche-Comté", "2 000 000,00 €", "6 000 000,00 €", "public) : 1</p>");
        assertThat(project).doesNotContain("Fonds Résidence", "3 000 000,00 €");
        assertThat(page.body()).doesNotContain(unsigned);
        assertThat(Api.anonymousPage("/public/?lang=en").body()).contains("Co-financed projects", reference);
        assertThat(Api.anonymousPage("/public/formats.xhtml").body()).contains("SCDL", "360Giving");
    }

    /** The part of the public page about one project. */
    private static String section(String html, String reference) {
        int start = html.indexOf("data-reference=\"" + reference + "\"");
        assertThat(start).as("the project's section").isPositive();
        return html.substring(start, html.indexOf("</section>", start)).replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void shouldThrottleAnAnonymousReaderPerAddress() {
        // when one address reads the open data more than sixty times in a minute
        String address = "203.0.113." + (System.nanoTime() % 200 + 1);
        int last = 0;
        for (int i = 0; i <= 60; i++) {
            last = Api.anonymous().get("/opendata/scdl/subventions.csv?year=2000", "X-Forwarded-For", address)
                    .status();
        }
        Api.Reply throttled = Api.anonymous().get("/opendata/scdl/subventions.csv?year=2000", "X-Forwarded-For",
                address);

        // then it is told to wait, while another address still reads them
        assertThat(last).isEqualTo(429);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(Api.anonymous().get("/opendata/scdl/subventions.csv?year=2000", "X-Forwarded-For",
                "198.51.100.7").status()).isEqualTo(200);
    }
}
