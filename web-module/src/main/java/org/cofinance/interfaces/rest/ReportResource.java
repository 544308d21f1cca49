package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cofinance.application.reporting.ReportExportService;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportService;
import org.cofinance.application.shared.Inputs;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.reports.ReportFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Reports")
@Path("/reports")
public class ReportResource {

    @EJB
    private ReportService reports;

    @EJB
    private ReportExportService exports;

    @GET
    @Path("/{name}")
    @APIResponse(responseCode = "200", description = "the report in the format asked",
            content = {@Content(mediaType = "application/pdf",
                schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response report(@PathParam("name") String name, @QueryParam("format") String format,
                           @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                           @QueryParam("at") String at, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("territory") String territory, @QueryParam("envelope") String envelope,
                           @QueryParam("funder") Long funder, @QueryParam("programme") String programme) {
        Request request = request(format, at, from, to, territory, envelope, funder, programme);
        ReportService.Report report = reports.render(name, request.format(), locale(lang, accept), request.filters());
        return Response.ok(report.content(), report.format().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"").build();
    }

    /** Produces the report in the background: 202 with the export, to follow at its Location. */
    @POST
    @Path("/{name}/exports")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "the created export, QUEUED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ReportExportService.ExportView.class)),
            headers = @Header(name = "Location", description = "where the export is followed",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response export(@PathParam("name") String name, @QueryParam("format") String format,
                           @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept,
                           @QueryParam("at") String at, @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("territory") String territory, @QueryParam("envelope") String envelope,
                           @QueryParam("funder") Long funder, @QueryParam("programme") String programme,
                           @Context UriInfo uri) {
        Request request = request(format, at, from, to, territory, envelope, funder, programme);
        ReportExportService.ExportView started = exports.start(name, request.format(), locale(lang, accept),
                request.filters());
        return Response.accepted(started).location(uri.getBaseUriBuilder().path("reports/exports")
                .path(started.id().toString()).build()).build();
    }

    @GET
    @Path("/exports/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ReportExportService.ExportView exportStatus(@PathParam("id") UUID id) {
        return exports.status(id);
    }

    @GET
    @Path("/exports/{id}/content")
    @APIResponse(responseCode = "200", description = "the exported file once DONE",
            content = {@Content(mediaType = "application/pdf",
                schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response exportContent(@PathParam("id") UUID id) {
        ReportExportService.Content content = exports.content(id);
        return Response.ok(content.bytes(), content.format().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + content.fileName() + "\"").build();
    }

    private record Request(ReportFormat format, ReportFilters filters) {
    }

    private static Request request(String format, String at, String from, String to, String territory,
                                   String envelope, Long funder, String programme) {
        List<Violation> violations = new ArrayList<>();
        ReportFormat parsed = null;
        try {
            parsed = ReportFormat.parse(format == null ? "pdf" : format);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("format", "is pdf, xlsx or csv"));
        }
        ReportFilters filters = new ReportFilters(Inputs.date(at, "at", violations),
                Inputs.date(from, "from", violations), Inputs.date(to, "to", violations), blankToNull(territory),
                blankToNull(envelope), funder, blankToNull(programme));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new Request(parsed, filters);
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
