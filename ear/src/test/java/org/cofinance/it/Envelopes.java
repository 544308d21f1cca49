package org.cofinance.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The envelopes one IT class books on, opened by the administrator on its first use, so that no test class leans on
 * the demo's envelopes or on what the classes before it reserved there: the CDC's envelope and a sub-envelope of it
 * (the AMI and its subsidies, as in the demo), the private fund's and the region's. Their ceilings hold hundreds of
 * balanced requests; a test that needs a small envelope opens one of its own.
 */
final class Envelopes {

    private final String prefix;
    private Codes codes;

    private record Codes(String cdc, String cdcSub, String fund, String region) {
    }

    private Envelopes(String prefix) {
        this.prefix = prefix;
    }

    /** The envelopes of a test class, named {@code prefix-…}; opened when a test first asks for one of them. */
    static Envelopes of(String prefix) {
        return new Envelopes(prefix);
    }

    /** The CDC's envelope, parent of {@link #cdcSub()} (500 M€). */
    String cdc() {
        return codes().cdc();
    }

    /** The CDC's sub-envelope the balanced requests book their subsidy on (200 M€). */
    String cdcSub() {
        return codes().cdcSub();
    }

    /** The private fund's envelope (200 M€), decided by the investor. */
    String fund() {
        return codes().fund();
    }

    /** The region's budget (100 M€), decided by the region. */
    String region() {
        return codes().region();
    }

    /** The envelope of that code as the API shows it now. */
    static JsonNode read(String code) {
        return Demo.envelope(code);
    }

    static BigDecimal money(String code, String field) {
        return Demo.money(read(code), field);
    }

    /** An envelope of another owner, for a test that needs one more funder: its code, {@code prefix-…}. */
    static String openOf(String prefix, String owner, String ceiling) {
        return open(prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(), owner, ceiling,
                null);
    }

    private synchronized Codes codes() {
        if (codes == null) {
            String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
            String cdc = open(prefix + "-AMI-" + suffix, "Caisse des Dépôts", "500000000.00", null);
            codes = new Codes(cdc,
                    open(prefix + "-SUB-" + suffix, "Caisse des Dépôts", "200000000.00", cdc),
                    open(prefix + "-FONDS-" + suffix, "Fonds Résidence", "200000000.00", null),
                    open(prefix + "-REGION-" + suffix, "Région", "100000000.00", null));
        }
        return codes;
    }

    private static String open(String code, String owner, String ceiling, String parent) {
        Api.Reply created = Api.as("admin").post("/envelopes", """
                {"code": "%s", "name": "Enveloppe de %s", "ownerOrganisationId": %d, "ceiling": "%s",
                 "parentCode": %s}
                """.formatted(code, code, Demo.organisationId(owner), ceiling,
                parent == null ? "null" : "\"" + parent + "\""));
        if (created.status() != 201) {
            throw new IllegalStateException("envelope " + code + " not opened: " + created.body());
        }
        return code;
    }
}
