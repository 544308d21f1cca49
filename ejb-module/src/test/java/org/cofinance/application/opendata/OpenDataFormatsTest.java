package org.cofinance.application.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The open data formats checked by the official schemas, read from their files (vendored unmodified under
 * {@code schemas/}): the SCDL « Subventions » 2.1.1 Table Schema with Validata's custom checks, and the 360Giving 1.4.3
 * package schema with a JSON Schema 2020-12 validator asserting formats — over grants of every shape, and with
 * controls that a broken file is refused.
 */
class OpenDataFormatsTest {

    private static final TableSchema SCDL = OfficialSchemas.scdl();
    private static final Schema THREE_SIXTY_GIVING = OfficialSchemas.threeSixtyGiving();

    private static PublishedGrant grant(long commitment, String beneficiary, String siret, String rna,
                                        boolean company, String object, String amount, int tranches) {
        return shared(commitment, beneficiary, siret, rna, company, object, amount, tranches, false, "1.00");
    }

    /** One beneficiary's row of a grant of the commitment: its share, the programme's EU notification. */
    private static PublishedGrant shared(long commitment, String beneficiary, String siret, String rna,
                                         boolean company, String object, String amount, int tranches,
                                         boolean euNotified, String share) {
        LocalDate signed = LocalDate.of(2026, 3, 12);
        return new PublishedGrant("CF-2026-000042", commitment, "Caisse des Dépôts", "18002002600019", signed,
                beneficiary, siret, rna, company, object, new BigDecimal(amount), signed, tranches == 1 ? signed
                : signed.plusYears(2), tranches, "AMI Territoires d'innovation de grande ambition", "Dijon Métropole",
                euNotified, new BigDecimal(share));
    }

    /** A grant of 1,000,000.01 € a coalition shares: the lead 45 %, a company 30 %, an association by its RNA 25 %. */
    private static List<PublishedGrant> coalitionGrant() {
        return List.of(
                shared(8L, "Agrinova SAS", "77523456700011", null, true, "Résidence", "1000000.01", 3, true, "0.45"),
                shared(8L, "Université de Bourgogne", "19210055500015", null, false, "Résidence", "1000000.01", 3,
                        true, "0.30"),
                shared(8L, "Association Territoires Durables", null, "W212004521", false, "Résidence", "1000000.01",
                        3, true, "0.25"));
    }

    /** Grants of every shape a convention gives: a company, an association known by its RNA only, an advance paid
        at once, an amended amount in cents, a long object, names with commas and quotes, and random ones. */
    private static List<PublishedGrant> grants() {
        List<PublishedGrant> grants = new ArrayList<>(List.of(
                grant(7L, "Agrinova SAS", "77523456700011", null, true, "Serres connectées", "4000000.00", 3),
                grant(9L, "Association \"Territoires, durables\"", null, "W212004521", false, "Tiers-lieu rural",
                        "150000.00", 1),
                grant(10L, "Association Territoires Durables", "88520012300010", "W212004521", false,
                        "Avance remboursable", "23000.01", 2),
                grant(11L, "Agrinova SAS", "77523456700011", null, true, "x".repeat(300), "0.01", 3)));
        grants.addAll(coalitionGrant());
        SplittableRandom random = new SplittableRandom(20261203L);
        for (int i = 0; i < 200; i++) {
            grants.add(grant(1_000L + i, "Bénéficiaire " + i, "77523456700011", random.nextBoolean() ? "W212004521" : null,
                    random.nextBoolean(), "Projet " + i, BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L), 2)
                            .toPlainString(), random.nextInt(1, 6)));
        }
        return grants;
    }

    @Test
    void shouldWriteAnScdlCsvTheOfficialTableSchemaAndItsCustomChecksAccept() {
        // when the grants are written as SCDL
        String csv = new String(ScdlSubventions.csv(grants()), StandardCharsets.UTF_8);

        // then the schema finds nothing wrong, and every grant is a row
        assertThat(SCDL.errors(csv)).isEmpty();
        assertThat(TableSchema.parse(csv)).hasSize(grants().size() + 1);
        assertThat(TableSchema.parse(csv).get(2)).containsSequence("Association \"Territoires, durables\"", "",
                "W212004521");
    }

    @Test
    void shouldPublishAGrantACoalitionSharesAsOneRowPerBeneficiaryWithItsShareAndTheProgrammesNotification() {
        // when the coalition's grant is written as SCDL and as 360Giving
        List<List<String>> rows = TableSchema.parse(new String(ScdlSubventions.csv(coalitionGrant()),
                StandardCharsets.UTF_8));
        String json = new String(ThreeSixtyGiving.json(coalitionGrant(), LocalDate.of(2026, 12, 3)),
                StandardCharsets.UTF_8);

        // then each beneficiary is a row with the whole amount, its share, and the EU notification
        int share = ScdlSubventions.HEADER.indexOf("pourcentageSubvention");
        int amount = ScdlSubventions.HEADER.indexOf("montant");
        int notified = ScdlSubventions.HEADER.indexOf("notificationUE");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(share)).containsExactly("0.45", "0.30", "0.25");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(amount)).containsOnly("1000000.01");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(notified)).containsOnly("oui");

        // and 360Giving has one grant per recipient, the partners' shares to the cent and the lead the rest, the
        // three adding up to the commitment
        assertThat(json).contains("\"id\":\"360G-cofinance-CF-2026-000042-8\",",
                "\"id\":\"360G-cofinance-CF-2026-000042-8-19210055500015\"",
                "\"id\":\"360G-cofinance-CF-2026-000042-8-W212004521\"",
                "\"amountAwarded\":300000.00,", "\"amountAwarded\":250000.00,", "\"amountAwarded\":450000.01,");
        assertThat(THREE_SIXTY_GIVING.validate(json, InputFormat.JSON)).isEmpty();
    }

    @Test
    void shouldFindWhatIsWrongWithABrokenScdlFile() {
        // given rows a publisher could get wrong: a bad SIRET, no beneficiary id, a share of 0, an unknown nature
        String header = String.join(",", ScdlSubventions.HEADER);
        String broken = header + "\n"
                + "CDC,18002002600018,2026-03-12,,Agrinova,,,Objet,10.00,aide en numéraire,unique,2026-03-12,,non,1,\n"
                + "CDC,18002002600019,2026-03-12,,Agrinova,,,Objet,10.00,aide en numéraire,unique,2026-03-12,,non,0,\n"
                + "CDC,18002002600019,2026-03-12,,Agrinova,77523456700011,,Objet,10,aide,unique,2026-03-12,,peut-être,1,";

        // then each is named
        assertThat(SCDL.errors(broken)).anyMatch(e -> e.contains("idAttribuant: not a valid SIRET"))
                .anyMatch(e -> e.contains("one of idBeneficiaire and rnaBeneficiaire"))
                .anyMatch(e -> e.contains("pourcentageSubvention: below"))
                .anyMatch(e -> e.contains("nature: not one of"))
                .anyMatch(e -> e.contains("notificationUE: not one of"));
        assertThat(SCDL.errors("nom,id\n")).singleElement().asString().startsWith("header");
    }

    @Test
    void shouldWriteA360GivingPackageTheOfficialJsonSchemaAccepts() {
        // when the grants are written as a 360Giving package
        String json = new String(ThreeSixtyGiving.json(grants(), LocalDate.of(2026, 12, 3)), StandardCharsets.UTF_8);

        // then the 2020-12 schema, formats asserted, finds nothing wrong; amounts are numbers, identifiers prefixed
        List<Error> errors = THREE_SIXTY_GIVING.validate(json, InputFormat.JSON);
        assertThat(errors).isEmpty();
        assertThat(json).contains("\"amountAwarded\":4000000.00", "\"id\":\"360G-cofinance-CF-2026-000042-7\"",
                "\"id\":\"FR-RCS-77523456700011\"", "\"id\":\"360G-cofinance-RNA-W212004521\"",
                "\"id\":\"360G-cofinance-SIRET-18002002600019\"", "\"grantProgramme\":[{\"title\":\"AMI Territoires");
    }

    @Test
    void shouldFindWhatIsWrongWithABroken360GivingPackage() {
        // a grant without its amount, a date that is not one, no grant at all
        assertThat(THREE_SIXTY_GIVING.validate("""
                {"grants": [{"id": "360G-x-1", "title": "t", "description": "d", "currency": "EUR",
                  "awardDate": "2026-13-45", "recipientOrganization": [{"id": "a", "name": "A"}],
                  "fundingOrganization": [{"id": "b", "name": "B"}]}]}""", InputFormat.JSON)).hasSizeGreaterThan(1);
        assertThat(THREE_SIXTY_GIVING.validate("{\"grants\": []}", InputFormat.JSON)).isNotEmpty();
    }
}
