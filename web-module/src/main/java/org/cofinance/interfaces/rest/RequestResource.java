package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
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
import org.cofinance.application.reporting.ReportService;
import org.cofinance.application.reporting.RequestSheetService;
import org.cofinance.application.request.AmendmentService;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.NewRequest;
import org.cofinance.application.request.RequestCriteria;
import org.cofinance.application.request.RequestView;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.shared.ValidationException;

@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    @EJB
    private FundingRequestService requests;

    @EJB
    private RequestSheetService sheets;

    @EJB
    private AmendmentService amendments;

    @POST
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

    @GET
    @Path("/{id}/sheet")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
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
