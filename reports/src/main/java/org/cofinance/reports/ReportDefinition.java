package org.cofinance.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What makes one report: its name in the API, its compiled template and its columns. Column ids are the stable
 * English identifiers of the CSV header and the keys of the rows; their labels, in French by default and English on
 * request, come from the bundle {@code org/cofinance/reports/<name>}. The coded columns hold codes (statuses,
 * instruments, kinds): CSV keeps the codes, PDF and XLSX print their labels, {@code code.<column>.<code>} in the
 * same bundle.
 */
public record ReportDefinition(String name, List<String> columns, Set<String> codedColumns) {

    public static final ReportDefinition ENVELOPE_STATUS = new ReportDefinition("envelope-status",
            List.of("code", "name", "parent", "ceiling", "reserved", "committed", "disbursed", "available"), Set.of());

    public static final ReportDefinition COMMITMENTS = new ReportDefinition("commitments",
            List.of("reference", "territory", "funder", "funderKind", "instrument", "envelope", "status", "amount",
                    "disbursed"), Set.of("funderKind", "instrument", "status"));

    public static final ReportDefinition AUDIT = new ReportDefinition("audit",
            List.of("at", "event", "reference", "envelope", "organisation", "amount", "author", "detail"),
            Set.of("event"));

    public static final ReportDefinition PIPELINE = new ReportDefinition("pipeline",
            List.of("reference", "project", "territory", "status", "submitted", "ageDays", "eligibleCost",
                    "openTasks", "lateTasks"), Set.of());

    public static final ReportDefinition DISBURSEMENTS = new ReportDefinition("disbursements",
            List.of("quarter", "reference", "funder", "envelope", "status", "requested", "paid", "due",
                    "paidAmount"), Set.of("status"));

    /**
     * The échéancier prévisionnel: per year, envelope and funder, what the signed schedules call for, what was paid
     * that year, and the year's payment credits of the envelope (empty when none).
     */
    public static final ReportDefinition FORECAST = new ReportDefinition("forecast",
            List.of("year", "envelope", "funder", "scheduled", "paid", "paymentCredits"), Set.of());

    /**
     * What the laureates promised and achieved, per programme, territory and indicator: the targets declared and the
     * latest actuals reported, in the indicator's unit (empty while none is reported).
     */
    public static final ReportDefinition IMPACT = new ReportDefinition("impact",
            List.of("programme", "territory", "indicator", "unit", "target", "actual"), Set.of());

    /** The leverage effect per programme and territory: public and private money, private euros per public euro. */
    public static final ReportDefinition LEVERAGE = new ReportDefinition("leverage",
            List.of("programme", "territory", "public", "private", "leverage"), Set.of());

    /** One request for its committee (fiche d'engagement); its project fields are parameters, its rows sections. */
    public static final ReportDefinition REQUEST_SHEET = new ReportDefinition("request-sheet",
            List.of("section", "label", "detail", "amount"), Set.of());

    /**
     * The funding agreement (convention) generated from an approved request: its purpose, the parties, the financing
     * plan, the schedule of tranches, each funder's commitments, the signature blocks; its fields are parameters as
     * the request sheet's, its rows sections.
     */
    public static final ReportDefinition CONVENTION = new ReportDefinition("convention",
            List.of("section", "label", "detail", "amount"), Set.of());

    /** The reports of {@code GET /reports/{name}}; the request sheet and the convention have their own address. */
    public static final List<ReportDefinition> ALL = List.of(ENVELOPE_STATUS, COMMITMENTS, PIPELINE, DISBURSEMENTS,
            FORECAST, AUDIT, IMPACT, LEVERAGE);

    public static java.util.Optional<ReportDefinition> named(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    String template() {
        return "org/cofinance/reports/templates/" + name + ".jasper";
    }

    ResourceBundle labels(Locale locale) {
        return ResourceBundle.getBundle("org.cofinance.reports." + name.replace('-', '_'), locale,
                ReportDefinition.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String title(Locale locale) {
        return labels(locale).getString("title");
    }

    /** The label of a code of a coded column in that language, or the code itself when the bundle has none. */
    Object labelOf(String column, Object value, Map<String, String> labels) {
        if (!(value instanceof String code) || !codedColumns.contains(column)) {
            return value;
        }
        return labels.getOrDefault("code." + column + "." + code, code);
    }

    Map<String, String> labelMap(Locale locale) {
        ResourceBundle bundle = labels(locale);
        return bundle.keySet().stream().collect(Collectors.toMap(k -> k, bundle::getString));
    }
}
