package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.cofinance.application.NotFoundException;
import org.cofinance.application.ReportService;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.reports.ReportFormat;

@Path("/reports")
public class ReportResource {

    @EJB
    private ReportService reports;

    @GET
    @Path("/{name}")
    public Response report(@PathParam("name") String name, @QueryParam("format") String format,
                           @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        ReportFormat parsed;
        try {
            parsed = ReportFormat.parse(format == null ? "pdf" : format);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("format", "is pdf, xlsx or csv");
        }
        if (!"envelope-status".equals(name)) {
            throw new NotFoundException("no report " + name);
        }
        ReportService.Report report = reports.envelopeStatus(parsed, locale(lang, accept));
        return Response.ok(report.content(), report.format().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"").build();
    }

    /** French unless English is asked, by ?lang=en or Accept-Language. */
    static Locale locale(String lang, String acceptLanguage) {
        String wanted = lang != null ? lang : acceptLanguage;
        return wanted != null && wanted.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.UK : Locale.FRANCE;
    }
}
