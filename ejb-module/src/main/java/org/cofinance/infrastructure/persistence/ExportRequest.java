package org.cofinance.infrastructure.persistence;

import java.time.LocalDate;
import java.util.Arrays;
import org.cofinance.application.reporting.ReportFilters;

/** How an export's filters are kept with it: a line of the form at|from|to|territory|envelope|funder|programme. */
final class ExportRequest {

    private ExportRequest() {
    }

    static String encode(ReportFilters f) {
        return String.join("|", text(f.at()), text(f.from()), text(f.to()), escape(f.territory()),
                escape(f.envelopeCode()), f.funderId() == null ? "" : f.funderId().toString(), escape(f.programme()));
    }

    static ReportFilters decode(String line) {
        String[] p = Arrays.copyOf(line.split("\\|", -1), 7);
        return new ReportFilters(date(p[0]), date(p[1]), date(p[2]), unescape(p[3]), unescape(p[4]),
                p[5] == null || p[5].isEmpty() ? null : Long.valueOf(p[5]), unescape(p[6]));
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("%", "%25").replace("|", "%7C");
    }

    private static String unescape(String s) {
        return s == null || s.isEmpty() ? null : s.replace("%7C", "|").replace("%25", "%");
    }
}
