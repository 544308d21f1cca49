package org.cofinance.application.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grants as a 360Giving 1.4.3 data package. Identifiers follow the standard's guidance: the grant is the
 * publisher's {@code 360G-cofinance-} prefix and the commitment; an organisation with a SIRET that is a company is
 * {@code FR-RCS-<SIRET>} (org-id.guide's French register code); a public body or an association, for which org-id.guide
 * has no code, is {@code 360G-cofinance-SIRET-<SIRET>} or {@code 360G-cofinance-RNA-<RNA>}. Amounts are JSON numbers.
 * A grant the coalition shares is one grant per beneficiary (the standard names one recipient per grant): each
 * partner its share of the amount to the cent, the lead the rest, so that they add up to the commitment; the
 * partners' grants carry the recipient's identifier after the commitment's.
 */
public final class ThreeSixtyGiving {

    public static final String PREFIX = "360G-cofinance";

    private ThreeSixtyGiving() {
    }

    public static byte[] json(List<PublishedGrant> grants, LocalDate issued) {
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("identifier", PREFIX);
        publisher.put("name", "Cofinance");
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("version", "1.4");
        pack.put("title", "Cofinance – subventions des conventions signées");
        pack.put("issued", issued.toString());
        pack.put("publisher", publisher);
        pack.put("license", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        // the lead's row is the first of its commitment's rows
        Map<Long, PublishedGrant> leads = new HashMap<>();
        Map<Long, BigDecimal> partnersAmounts = new HashMap<>();
        for (PublishedGrant g : grants) {
            if (leads.putIfAbsent(g.commitmentId(), g) != null) {
                partnersAmounts.merge(g.commitmentId(), share(g), BigDecimal::add);
            }
        }
        pack.put("grants", grants.stream().map(g -> leads.get(g.commitmentId()) == g
                ? grant(g, g.amount().subtract(partnersAmounts.getOrDefault(g.commitmentId(), BigDecimal.ZERO)), "")
                : grant(g, share(g), "-" + recipientId(g))).toList());
        return Json.write(pack).getBytes(StandardCharsets.UTF_8);
    }

    private static BigDecimal share(PublishedGrant g) {
        return g.amount().multiply(g.beneficiaryShare()).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String recipientId(PublishedGrant g) {
        return g.beneficiarySiret() != null ? g.beneficiarySiret() : g.beneficiaryRna();
    }

    private static Map<String, Object> grant(PublishedGrant g, BigDecimal awarded, String idSuffix) {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("id", PREFIX + "-" + g.reference() + "-" + g.commitmentId() + idSuffix);
        grant.put("title", g.object());
        grant.put("description", g.object() + " (" + g.reference() + (g.isWhole() ? ")"
                : ", part de " + g.beneficiaryShare().movePointRight(2).stripTrailingZeros().toPlainString()
                + " % de la subvention)"));
        grant.put("currency", "EUR");
        grant.put("amountAwarded", awarded.setScale(2));
        grant.put("awardDate", g.conventionDate().toString());
        grant.put("plannedDates", List.of(Map.of("startDate", g.firstPayment().toString(), "endDate",
                g.lastPayment().toString())));
        grant.put("recipientOrganization", List.of(organisation(g.beneficiaryName(), g.beneficiarySiret(),
                g.beneficiaryRna(), g.beneficiaryCompany())));
        grant.put("fundingOrganization", List.of(organisation(g.funderName(), g.funderSiret(), null, false)));
        if (g.programme() != null) {
            grant.put("grantProgramme", List.of(Map.of("title", g.programme())));
        }
        grant.put("beneficiaryLocation", List.of(Map.of("name", g.territory(), "countryCode", "FR")));
        return grant;
    }

    private static Map<String, Object> organisation(String name, String siret, String rna, boolean company) {
        Map<String, Object> organisation = new LinkedHashMap<>();
        String id;
        if (siret != null) {
            id = company ? "FR-RCS-" + siret : PREFIX + "-SIRET-" + siret;
        } else {
            id = PREFIX + "-RNA-" + rna;
        }
        organisation.put("id", id);
        organisation.put("name", name);
        return organisation;
    }

    /** A small JSON writer for maps, lists, strings and decimal numbers: all a data package holds. */
    static final class Json {

        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value instanceof Map<?, ?> map) {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(separator);
                    string(entry.getKey().toString(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (value instanceof BigDecimal number) {
                out.append(number.toPlainString());
            } else {
                string(String.valueOf(value), out);
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
