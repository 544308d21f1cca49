package org.cofinance.application.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a finance user narrows a report to: a date (balances as they stood at the end of that day, Paris time), a
 * period, a territory, an envelope (with its sub-envelopes), a funder, a programme (the requests answering it; the
 * envelopes' own status knows no programme). Any of them may be absent.
 */
public record ReportFilters(LocalDate at, LocalDate from, LocalDate to, String territory, String envelopeCode,
                            Long funderId, String programme) {

    public static ReportFilters none() {
        return new ReportFilters(null, null, null, null, null, null, null);
    }

    /** The same filters without a programme (the reports and exports of before programmes). */
    public ReportFilters(LocalDate at, LocalDate from, LocalDate to, String territory, String envelopeCode,
                         Long funderId) {
        this(at, from, to, territory, envelopeCode, funderId, null);
    }

    /** The programme as the queries take it: empty for every programme. */
    public String programmeFilter() {
        return programme == null ? "" : programme;
    }

    /** The line under the report's title that says what it shows. */
    public String describe(Locale locale) {
        boolean french = !"en".equals(locale.getLanguage());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        List<String> parts = new ArrayList<>();
        if (at != null) {
            parts.add((french ? "Au " : "As of ") + dates.format(at));
        }
        if (from != null || to != null) {
            parts.add((french ? "Période : " : "Period: ") + (from == null ? "…" : dates.format(from)) + " – "
                    + (to == null ? "…" : dates.format(to)));
        }
        if (territory != null) {
            parts.add((french ? "Territoire : " : "Territory: ") + territory);
        }
        if (envelopeCode != null) {
            parts.add((french ? "Enveloppe : " : "Envelope: ") + envelopeCode);
        }
        if (funderId != null) {
            parts.add((french ? "Financeur n° " : "Funder #") + funderId);
        }
        if (programme != null) {
            parts.add((french ? "Programme : " : "Programme: ") + programme);
        }
        return parts.isEmpty() ? (french ? "Sans filtre" : "No filter") : String.join(" · ", parts);
    }
}
