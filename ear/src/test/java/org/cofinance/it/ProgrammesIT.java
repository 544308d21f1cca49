package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cofinance.bpmn.FundingRequestProcess;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Programmes, coalitions and impact through the API on PostgreSQL: the demo's two calls, a new one created by the
 * administrator, requests refused what their programme does not take, the residence scheme's own rules, a coalition
 * whose partners bring their own money, actuals reported with the evidence — and the impact and leverage reports
 * tied out, to the unit and the cent, against the requests they sum. Each test works in a territory of its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgrammesIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-PROGRAMMES");

    private static final String RESIDENCE = "RESIDENCE-300";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    @Test
    void shouldListTheDemoProgrammesAndLetOnlyAnAdministratorCreateOne() {
        // given the demo's programmes
        JsonNode programmes = Api.as("finance").get("/programmes").json().get("items");
        assertThat(programmes).anySatisfy(p -> {
            assertThat(p.get("code").asText()).isEqualTo("AMI-TIGA");
            assertThat(p.get("operatorOrganisationId").asLong()).isEqualTo(Demo.organisationId("Caisse des Dépôts"));
            assertThat(p.path("closesOn").isMissingNode()).as("no closing day").isTrue();
            assertThat(p.get("themes")).hasSize(7);
            assertThat(p.get("indicators")).extracting(i -> i.get("code").asText())
                    .containsExactly("JOBS", "RESEARCHERS", "COMPANIES", "CO2_AVOIDED");
        });
        assertThat(programmes).anySatisfy(p -> {
            assertThat(p.get("code").asText()).isEqualTo(RESIDENCE);
            assertThat(p.get("themes")).extracting(JsonNode::asText).containsExactly("HOUSING");
            assertThat(p.get("indicators")).extracting(i -> i.get("unit").asText())
                    .containsExactly("persons", "number");
        });
        String code = unique("IT-CALL");
        String body = """
                {"code": "%s", "name": "Appel de test", "operatorOrganisationId": %d, "opensOn": "2026-01-01",
                 "themes": ["ENERGY", "MOBILITY"], "indicators": [{"code": "JOBS", "label": "Emplois", "unit": "ETP"}]}
                """.formatted(code, Demo.organisationId("Région"));

        // when an officer tries, an administrator sends a broken one, then the right one, then the same again
        assertThat(Api.as("officer").post("/programmes", body).status()).isEqualTo(403);
        Api.Reply broken = Api.as("admin").post("/programmes", """
                {"code": "x", "name": "", "operatorOrganisationId": 999999, "opensOn": "2026-13-01",
                 "themes": ["SPACE"], "indicators": [{"code": "jobs", "label": "Emplois", "unit": "ETP"}]}
                """);
        Api.Reply created = Api.as("admin").post("/programmes", body);
        Api.Reply again = Api.as("admin").post("/programmes", body);

        // then each mistake is named, the programme is created once and instructed by the region's officers only
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("errors")).extracting(e -> e.get("field").asText()).contains("code", "name",
                "operatorOrganisationId", "opensOn", "themes[0]", "indicators[0].code");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/programmes/" + code));
        assertThat(again.status()).isEqualTo(400);
        assertThat(Api.as("officer").post("/requests", request(code, "ENERGY", unique("T"), "[]", "[]",
                cdcAndLead(ENVELOPES.cdcSub(), "400000.00", "600000.00"))).json().get("errors").get(0).get("field")
                .asText()).as("the CDC's officer does not instruct the region's call").isEqualTo("programmeCode");
    }

    @Test
    void shouldRefuseWhatTheProgrammeDoesNotTakeAndStoreNothing() {
        // given a programme closed since 2020
        String closed = unique("IT-CLOSED");
        assertThat(Api.as("admin").post("/programmes", """
                {"code": "%s", "name": "Appel clos", "operatorOrganisationId": %d, "opensOn": "2020-01-01",
                 "closesOn": "2020-12-31", "themes": ["HOUSING"], "indicators": []}
                """.formatted(closed, Demo.organisationId("Caisse des Dépôts"))).status()).isEqualTo(201);
        String territory = unique("IT-REFUS");
        String plan = cdcAndLead(ENVELOPES.cdcSub(), "400000.00", "600000.00");

        // when requests name it, a theme outside the scheme, an indicator it does not have, an unknown programme,
        // a partner named twice, or a self-funder outside the coalition
        Api api = Api.as("officer");
        Api.Reply toClosed = api.post("/requests", request(closed, "HOUSING", territory, "[]", "[]", plan));
        Api.Reply theme = api.post("/requests", request(RESIDENCE, "ENERGY", territory, "[]", "[]", plan));
        Api.Reply indicator = api.post("/requests", request(RESIDENCE, "HOUSING", territory, "[]",
                "[{\"code\": \"JOBS\", \"target\": \"10\"}]", plan));
        Api.Reply unknown = api.post("/requests", request("NO-SUCH-CALL", "HOUSING", territory, "[]", "[]", plan));
        long university = Demo.organisationId("Université");
        Api.Reply twice = api.post("/requests", request(RESIDENCE, "HOUSING", territory,
                "[{\"organisationId\": %d}, {\"organisationId\": %d}]".formatted(university, university), "[]",
                plan));
        Api.Reply outsider = api.post("/requests", request(RESIDENCE, "HOUSING", territory, "[]", "[]", """
                [{"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "400000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "600000.00"}]
                """.formatted(Demo.organisationId("Caisse des Dépôts"), ENVELOPES.cdcSub(), university)));

        // then each is a 400 naming its field, and no request of that territory exists
        assertThat(field(toClosed)).isEqualTo("programmeCode");
        assertThat(field(theme)).isEqualTo("theme");
        assertThat(field(indicator)).isEqualTo("indicators[0].code");
        assertThat(field(unknown)).isEqualTo("programmeCode");
        assertThat(field(twice)).isEqualTo("partners[1].organisationId");
        assertThat(field(outsider)).isEqualTo("plan[1].organisationId");
        assertThat(Api.as("admin").get("/requests?territory=" + territory).json().get("total").asLong()).isZero();
    }

    @Test
    void shouldJudgeARequestOfTheResidenceSchemeByItsOwnRules() {
        // given 900,000 € of housing, more than half private: the AMI would take it, the scheme asks 1 M€
        String envelope = Demo.newCdcEnvelope("IT-RES", "5000000.00").get("code").asText();
        long university = Demo.organisationId("Université");
        String body = request(RESIDENCE, "HOUSING", unique("IT-RES"),
                "[{\"organisationId\": %d}]".formatted(university), "[]", """
                [{"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "400000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "300000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "200000.00"}]
                """.formatted(Demo.organisationId("Caisse des Dépôts"), envelope, Demo.organisationId("Agrinova"),
                university));
        long id = Api.as("officer").post("/requests", body).json().get("id").asLong();

        // when it is submitted
        Api.as("officer").post("/requests/" + id + "/submit", null);

        // then the scheme's table judges it
        org.awaitility.Awaitility.await().atMost(30, java.util.concurrent.TimeUnit.SECONDS).until(() ->
                "INELIGIBLE".equals(Api.as("officer").get("/requests/" + id).json().get("status").asText()));
        JsonNode request = Api.as("officer").get("/requests/" + id).json();
        assertThat(request.get("programmeCode").asText()).isEqualTo(RESIDENCE);
        assertThat(request.get("ineligibilityReasons")).extracting(JsonNode::asText)
                .containsExactly("COST_BELOW_1000000");
    }

    @Test
    void shouldCarryACoalitionToItsActualsAndTieTheImpactAndLeverageReportsOutToTheCent() throws Exception {
        // given two requests of the residence scheme in a territory of their own: a coalition of the lead, the
        // university and the municipality (public money), contracted, and a lead alone, approved
        String envelope = Demo.newCdcEnvelope("IT-IMPACT", "10000000.00").get("code").asText();
        String territory = unique("IT-IMPACT");
        long cdc = Demo.organisationId("Caisse des Dépôts");
        long lead = Demo.organisationId("Agrinova");
        long university = Demo.organisationId("Université");
        long town = Demo.organisationId("Commune de Quetigny");
        long coalition = Demo.instructedRequest(request(RESIDENCE, "HOUSING", territory,
                "[{\"organisationId\": %d, \"grantShare\": \"0.30\"}, {\"organisationId\": %d}]"
                        .formatted(university, town),
                "[{\"code\": \"RESEARCHERS\", \"target\": \"300\"}, {\"code\": \"HOUSING_UNITS\", \"target\": \"120\"}]",
                """
                [{"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "800000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "700000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "300000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "200000.00"}]
                """.formatted(cdc, envelope, lead, university, town)));
        assertThat(Demo.decide("cdc", coalition, "APPROVE").status()).isEqualTo(204);
        assertThat(Demo.answer("officer", coalition, FundingRequestProcess.SIGN_CONVENTION,
                "{\"decision\":\"APPROVE\"}").status()).isEqualTo(204);
        long alone = Demo.instructedRequest(request(RESIDENCE, "HOUSING", territory, "[]",
                "[{\"code\": \"RESEARCHERS\", \"target\": \"50.5\"}]",
                cdcAndLead(envelope, "600000.00", "900000.00")));
        assertThat(Demo.decide("cdc", alone, "APPROVE").status()).isEqualTo(204);

        // when the officer reports an indicator the scheme does not have, then 120 researchers hosted
        Api.Reply wrong = Demo.answer("officer", coalition, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"PV de démarrage\",\"actuals\":[{\"code\":\"JOBS\","
                        + "\"value\":\"3\"}]}");
        Api.Reply reported = Demo.answer("officer", coalition, FundingRequestProcess.RECORD_EVIDENCE,
                "{\"decision\":\"APPROVE\",\"comment\":\"PV de démarrage\",\"actuals\":[{\"code\":\"RESEARCHERS\","
                        + "\"value\":\"120\"}]}");

        // then the wrong one is refused with nothing recorded, the right one shown beside its target
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(field(wrong)).isEqualTo("actuals[0].code");
        assertThat(reported.status()).as(reported.body()).isEqualTo(204);
        JsonNode shown = Api.as("officer").get("/requests/" + coalition).json();
        assertThat(shown.get("partners")).extracting(p -> p.get("organisationId").asLong())
                .containsExactly(university, town);
        assertThat(shown.get("indicators")).anySatisfy(i -> {
            assertThat(i.get("code").asText()).isEqualTo("RESEARCHERS");
            assertThat(i.get("unit").asText()).isEqualTo("persons");
            assertThat(i.get("target").asText()).isEqualTo("300");
            assertThat(i.get("actual").asText()).isEqualTo("120");
        });
        assertThat(shown.get("indicators")).anySatisfy(i -> {
            assertThat(i.get("code").asText()).isEqualTo("HOUSING_UNITS");
            assertThat(i.path("actual").isMissingNode()).as("null: nothing reported").isTrue();
        });

        // and the request sheet shows the programme, the coalition with each member's own money, the target
        Api.Reply sheet = Api.as("officer").get("/requests/" + coalition + "/sheet?format=pdf");
        assertThat(sheet.status()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(sheet.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace('\u202F', ' ')
                    .replace('\u00A0', ' ');
            assertThat(text).contains("RESIDENCE-300 · HOUSING", "Coalition", "Agrinova SAS", "Université de Bourgogne",
                    "Commune de Quetigny", "300 000,00 €", "RESEARCHERS", "300 → 120");
        }

        // and the open data publish the CDC's grant for each beneficiary with its declared share: the university
        // 30 %, the lead the rest (the municipality declared none)
        String reference = shown.get("reference").asText();
        List<String> published = Api.anonymous().get("/opendata/scdl/subventions.csv?attribuant=18002002600019&year="
                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).getYear()).body().lines()
                .filter(l -> l.contains("," + reference + ",")).toList();
        assertThat(published).hasSize(2);
        assertThat(published.get(0)).contains(",Agrinova SAS,77523456700011,", ",800000.00,",
                ",non,0.70,Résidence de 300 chercheurs");
        assertThat(published.get(1)).contains(",Université de Bourgogne,19210055500015,", ",800000.00,",
                ",non,0.30,Résidence de 300 chercheurs");
        assertThat(shown.get("partners").get(0).get("grantShare").asText()).isEqualTo("0.30");

        // and the lists filter by programme
        assertThat(Api.as("officer").get("/requests?programme=" + RESIDENCE + "&territory=" + territory).json()
                .get("total").asLong()).isEqualTo(2);
        assertThat(Api.as("officer").get("/requests?programme=AMI-TIGA&territory=" + territory).json()
                .get("total").asLong()).isZero();
        assertThat(Api.as("finance").get("/requests?programme=" + RESIDENCE + "&territory=" + territory).json()
                .get("total").asLong()).as("a funder's restricted list").isEqualTo(2);
        assertThat(Api.as("finance").get("/tasks?programme=" + RESIDENCE + "&size=200").json().get("items"))
                .anySatisfy(t -> assertThat(t.get("requestId").asLong()).isEqualTo(coalition));
        assertThat(Api.as("finance").get("/tasks?programme=AMI-TIGA&size=200").json().get("items"))
                .noneSatisfy(t -> assertThat(t.get("requestId").asLong()).isEqualTo(coalition));

        // and the reports sum exactly what the two requests say
        List<JsonNode> requests = List.of(Api.as("officer").get("/requests/" + coalition).json(),
                Api.as("officer").get("/requests/" + alone).json());
        List<Map<String, String>> impact = ReportsIT.csv("/reports/impact?format=csv&programme=" + RESIDENCE
                + "&territory=" + territory);
        assertThat(impact).extracting(r -> r.get("indicator")).containsExactly("RESEARCHERS", "HOUSING_UNITS");
        for (Map<String, String> row : impact) {
            assertThat(row.get("programme")).isEqualTo(RESIDENCE);
            assertThat(row.get("target")).isEqualTo(text(sumOf(requests, row.get("indicator"), "target")));
            assertThat(row.get("actual")).isEqualTo(text(sumOf(requests, row.get("indicator"), "actual")));
        }
        assertThat(impact.get(0).get("target")).as("300 + 50.5 researchers").isEqualTo("350.50");
        assertThat(impact.get(1).get("actual")).as("no housing unit reported yet").isEmpty();

        Map<Long, Boolean> publicMoney = new HashMap<>();
        for (JsonNode o : Api.as("admin").get("/organisations?size=500").json().get("items")) {
            publicMoney.put(o.get("id").asLong(), List.of("CDC", "STATE", "REGION", "DEPARTMENT", "METROPOLIS",
                    "MUNICIPALITY", "EU").contains(o.get("kind").asText()));
        }
        BigDecimal expectedPublic = BigDecimal.ZERO;
        BigDecimal expectedPrivate = BigDecimal.ZERO;
        for (JsonNode request : requests) {
            List<JsonNode> money = new ArrayList<>();
            request.get("commitments").forEach(money::add);
            request.get("plan").forEach(l -> {
                if ("SELF_FUNDING".equals(l.get("instrument").asText())) {
                    money.add(l);
                }
            });
            for (JsonNode m : money) {
                BigDecimal amount = new BigDecimal(m.has("committed") ? m.get("committed").asText()
                        : m.get("amount").asText());
                if (publicMoney.get(m.get("organisationId").asLong())) {
                    expectedPublic = expectedPublic.add(amount);
                } else {
                    expectedPrivate = expectedPrivate.add(amount);
                }
            }
        }
        List<Map<String, String>> leverage = ReportsIT.csv("/reports/leverage?format=csv&programme=" + RESIDENCE
                + "&territory=" + territory);
        assertThat(leverage).hasSize(1);
        assertThat(leverage.get(0).get("public")).isEqualTo(expectedPublic.toPlainString());
        assertThat(leverage.get(0).get("private")).isEqualTo(expectedPrivate.toPlainString());
        assertThat(leverage.get(0).get("leverage")).isEqualTo(expectedPrivate.divide(expectedPublic, 2,
                RoundingMode.HALF_UP).toPlainString());
        // a check on the check: the CDC's 1.4 M€ and the municipality's 200 k€ public, the lead's 1.6 M€ and the
        // university's 300 k€ private
        assertThat(expectedPublic).isEqualByComparingTo("1600000.00");
        assertThat(expectedPrivate).isEqualByComparingTo("1900000.00");
    }

    /** The sum of that field of the requests' indicator, null when none of them has one. */
    private static BigDecimal sumOf(List<JsonNode> requests, String code, String field) {
        BigDecimal sum = null;
        for (JsonNode request : requests) {
            for (JsonNode indicator : request.get("indicators")) {
                if (indicator.get("code").asText().equals(code) && indicator.hasNonNull(field)) {
                    BigDecimal value = new BigDecimal(indicator.get(field).asText());
                    sum = sum == null ? value : sum.add(value);
                }
            }
        }
        return sum;
    }

    /** As the CSV writes a decimal: two places at least, empty for none. */
    private static String text(BigDecimal value) {
        return value == null ? "" : value.setScale(Math.max(2, value.scale()), RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    private static String field(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("errors").get(0).get("field").asText();
    }

    /** A line of the CDC's envelope and the lead's (Agrinova's) own money. */
    private static String cdcAndLead(String envelope, String cdcAmount, String own) {
        return """
                [{"organisationId": %d, "envelopeCode": "%s", "instrument": "SUBSIDY", "amount": "%s"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "%s"}]
                """.formatted(Demo.organisationId("Caisse des Dépôts"), envelope, cdcAmount,
                Demo.organisationId("Agrinova"), own);
    }

    /** A request of that programme, led by Agrinova, its cost the sum of its plan. */
    private static String request(String programme, String theme, String territory, String partners,
                                  String indicators, String plan) {
        BigDecimal cost = BigDecimal.ZERO;
        java.util.regex.Matcher amounts = java.util.regex.Pattern.compile("\"amount\": \"([0-9.]+)\"").matcher(plan);
        while (amounts.find()) {
            cost = cost.add(new BigDecimal(amounts.group(1)));
        }
        return """
                {"programmeCode": "%s", "title": "Coalition de test", "territory": "%s", "theme": "%s",
                 "leadOrganisationId": %d, "eligibleCost": "%s", "partners": %s, "indicators": %s, "plan": %s}
                """.formatted(programme, territory, theme, Demo.organisationId("Agrinova"), cost.toPlainString(),
                partners, indicators, plan);
    }
}
