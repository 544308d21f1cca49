package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cofinance.application.document.DocumentService;
import org.cofinance.application.document.DocumentView;
import org.cofinance.application.reporting.ConventionService;
import org.cofinance.application.reporting.ReportService;
import org.cofinance.application.reporting.RequestSheetService;
import org.cofinance.application.request.AmendmentService;
import org.cofinance.application.request.AmendmentView;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.NewRequest;
import org.cofinance.application.request.RequestCriteria;
import org.cofinance.application.request.RequestView;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.shared.ValidationException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Requests")
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    @EJB
    private FundingRequestService requests;

    @EJB
    private RequestSheetService sheets;

    @EJB
    private ConventionService conventions;

    @EJB
    private AmendmentService amendments;

    @EJB
    private DocumentService documents;

    /** Keeps a document with the request: multipart {@code file}, {@code kind}, {@code trancheId} for evidence. */
    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "the created document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = DocumentView.class)),
            headers = @Header(name = "Location", description = "where its bytes are read (/documents/{id}/content)",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data", schema = @Schema(
            type = SchemaType.OBJECT, requiredProperties = {"file", "kind"}, properties = {
                @SchemaProperty(name = "file", type = SchemaType.STRING, format = "binary"),
                @SchemaProperty(name = "kind", type = SchemaType.STRING,
                        enumeration = {"PROJECT", "BUDGET", "CONVENTION_SIGNED", "EVIDENCE", "OTHER"}),
                @SchemaProperty(name = "trancheId", type = SchemaType.INTEGER, format = "int64",
                        description = "EVIDENCE: its tranche")})))
    public Response upload(@PathParam("id") long id, @Context HttpServletRequest http, @Context UriInfo uri) {
        DocumentView stored = DocumentUploads.read(http, id, documents);
        return Response.created(uri.getBaseUriBuilder().path("documents").path(String.valueOf(stored.id()))
                .path("content").build()).entity(stored).build();
    }

    @GET
    @Path("/{id}/documents")
    public Page<DocumentView> documents(@PathParam("id") long id) {
        List<DocumentView> all = documents.ofRequest(id);
        return new Page<>(all, all.size());
    }

    @POST
    @APIResponse(responseCode = "201", description = "the created request, DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = RequestView.class)),
            headers = @Header(name = "Location", description = "where it is read",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response create(NewRequest body, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context UriInfo uri) {
        RequestBodies.require(body);
        FundingRequestService.Created created = requests.create(body, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(requests.get(created.id())).build();
    }

    /** Replaces a draft; the plan only of a request sent back for revision or in arbitration. */
    @PUT
    @Path("/{id}")
    public RequestView update(@PathParam("id") long id, NewRequest body) {
        RequestBodies.require(body);
        return requests.updatePlan(id, body);
    }

    @POST
    @Path("/{id}/submit")
    public RequestView submit(@PathParam("id") long id) {
        return requests.submit(id);
    }

    public record Cancellation(String reason) {
    }

    @POST
    @Path("/{id}/amendments")
    @APIResponse(responseCode = "201", description = "the created amendment, PENDING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = AmendmentView.class)))
    public Response amend(@PathParam("id") long id, AmendmentService.AmendmentCommand body,
                          @HeaderParam("Idempotency-Key") String idempotencyKey) {
        RequestBodies.require(body);
        return Response.status(Response.Status.CREATED).entity(amendments.file(id, body, idempotencyKey)).build();
    }

    @POST
    @Path("/{id}/cancel")
    public RequestView cancel(@PathParam("id") long id, Cancellation body) {
        RequestBodies.require(body);
        return requests.cancel(id, body.reason());
    }

    /** The convention generated from the approved plan (APPROVED and later; 409 before); never stored. */
    @GET
    @Path("/{id}/convention")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "the convention generated from the approved plan",
            content = {@Content(mediaType = "application/pdf",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response convention(@PathParam("id") long id, @QueryParam("format") String format,
                               @QueryParam("lang") String lang,
                               @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        if (format != null && !"pdf".equalsIgnoreCase(format)) {
            throw ValidationException.of("format", "the convention is a PDF");
        }
        ReportService.Report convention = conventions.convention(id, ReportResource.locale(lang, accept));
        return Response.ok(convention.content(), convention.format().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + convention.fileName() + "\"").build();
    }

    @GET
    @Path("/{id}/sheet")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @APIResponse(responseCode = "200", description = "the request sheet for its committee",
            content = {@Content(mediaType = "application/pdf",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response sheet(@PathParam("id") long id, @QueryParam("format") String format,
                          @QueryParam("lang") String lang, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String accept) {
        if (format != null && !"pdf".equalsIgnoreCase(format)) {
            throw ValidationException.of("format", "the request sheet is a PDF");
        }
        ReportService.Report sheet = sheets.sheet(id, ReportResource.locale(lang, accept));
        return Response.ok(sheet.content(), sheet.format().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + sheet.fileName() + "\"").build();
    }

    @GET
    @Path("/{id}")
    public RequestView get(@PathParam("id") long id) {
        return requests.get(id);
    }

    @GET
    public Page<RequestView> list(@QueryParam("status") String status,
                                  @QueryParam("territory") String territory,
                                  @QueryParam("programme") String programme,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return requests.search(new RequestCriteria(programme, status, territory, null, null, null, null),
                Paging.of(page, size));
    }
}
