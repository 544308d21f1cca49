package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cofinance.application.ReportService;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.reports.ReportFormat;

@Path("/reports")
public class ReportResource {

    @EJB
    private ReportService reports;

    @GET
    @Path("/{name}")
    public Response report(@PathParam("name") String name, @QueryParam("format") String format,
                           @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                           @QueryParam("at") String at, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("territory") String territory, @QueryParam("envelope") String envelope,
                           @QueryParam("funder") Long funder) {
        List<Violation> violations = new ArrayList<>();
        ReportFormat parsed = null;
        try {
            parsed = ReportFormat.parse(format == null ? "pdf" : format);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("format", "is pdf, xlsx or csv"));
        }
        ReportFilters filters = new ReportFilters(date(at, "at", violations), date(from, "from", violations),
                date(to, "to", violations), blankToNull(territory), blankToNull(envelope), funder);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        ReportService.Report report = reports.render(name, parsed, locale(lang, accept), filters);
        return Response.ok(report.content(), report.format().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"").build();
    }

    private static LocalDate date(String text, String field, List<Violation> violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "is a date like 2026-11-26"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** French unless English is asked, by ?lang=en or Accept-Language. */
    static Locale locale(String lang, String acceptLanguage) {
        String wanted = lang != null ? lang : acceptLanguage;
        return wanted != null && wanted.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.UK : Locale.FRANCE;
    }
}
