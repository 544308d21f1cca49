package org.cofinance.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Looks up the demo data through the API, and builds the requests the tests send. */
final class Demo {

    private Demo() {
    }

    static long organisationId(String nameStart) {
        for (JsonNode o : Api.as("admin").get("/organisations?size=500").json().get("items")) {
            if (o.get("name").asText().startsWith(nameStart)) {
                return o.get("id").asLong();
            }
        }
        throw new IllegalStateException("no demo organisation " + nameStart);
    }

    static JsonNode envelope(String code) {
        for (JsonNode e : Api.as("finance").get("/envelopes?size=500").json().get("items")) {
            if (e.get("code").asText().equals(code)) {
                return e;
            }
        }
        throw new IllegalStateException("no demo envelope " + code);
    }

    static BigDecimal money(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    /** A balanced 12 M€ plan: CDC 4 M€ subsidy, the fund 3 M€ equity, the region 2 M€, the lead 3 M€ of its own. */
    static String balancedRequest(String title) {
        return """
                {"title": "%s", "territory": "Dijon Métropole", "theme": "HOUSING", "leadOrganisationId": %d,
                 "eligibleCost": "12000000.00",
                 "plan": [
                   {"organisationId": %d, "envelopeCode": "AMI-TIGA-SUB", "instrument": "SUBSIDY", "amount": "4000000.00"},
                   {"organisationId": %d, "envelopeCode": "FONDS-IMMO", "instrument": "EQUITY", "amount": "3000000.00"},
                   {"organisationId": %d, "envelopeCode": "REGION-BFC", "instrument": "SUBSIDY", "amount": "2000000.00"},
                   {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "3000000.00"}]}
                """.formatted(title, organisationId("Agrinova"), organisationId("Caisse des Dépôts"),
                organisationId("Fonds Résidence"), organisationId("Région"), organisationId("Agrinova"));
    }
}
