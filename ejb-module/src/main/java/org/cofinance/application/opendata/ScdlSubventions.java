package org.cofinance.application.opendata;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The SCDL « Subventions » 2.1.1 CSV: UTF-8, comma separated, decimal point, the header exactly as the schema names
 * its fields, one row per grant and beneficiary: {@code montant} the whole grant, {@code pourcentageSubvention} the
 * beneficiary's share of it (1.00 for a lead alone), {@code notificationUE} the programme's flag.
 */
public final class ScdlSubventions {

    public static final List<String> HEADER = List.of("nomAttribuant", "idAttribuant", "dateConvention",
            "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature",
            "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention",
            "dispositifAide");

    /** The schema's limit on {@code objet}. */
    static final int MAX_OBJECT = 256;

    private ScdlSubventions() {
    }

    public static byte[] csv(List<PublishedGrant> grants) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (PublishedGrant g : grants) {
            List<String> cells = List.of(g.funderName(), g.funderSiret(), g.conventionDate().toString(), g.reference(),
                    g.beneficiaryName(), nullToEmpty(g.beneficiarySiret()), nullToEmpty(g.beneficiaryRna()),
                    shortened(g.object()), g.amount().setScale(2).toPlainString(), "aide en numéraire",
                    g.tranches() > 1 ? "échelonné" : "unique", period(g), "", g.euNotified() ? "oui" : "non",
                    g.beneficiaryShare().toPlainString(), nullToEmpty(g.programme()));
            out.append(String.join(",", cells.stream().map(ScdlSubventions::cell).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The payment period: the schedule's first and last due dates, one date when they are the same. */
    private static String period(PublishedGrant g) {
        return g.firstPayment().equals(g.lastPayment()) ? g.firstPayment().toString()
                : g.firstPayment() + "/" + g.lastPayment();
    }

    private static String shortened(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_OBJECT ? flat : flat.substring(0, MAX_OBJECT - 1) + "…";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String cell(String text) {
        String flat = text.replace("\r", " ").replace("\n", " ");
        return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
