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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cofinance.application.ledger.EntryView;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.ledger.EnvelopeView;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Envelopes")
@Path("/envelopes")
@Produces(MediaType.APPLICATION_JSON)
public class EnvelopeResource {

    @EJB
    private EnvelopeService envelopes;

    @GET
    public Page<EnvelopeView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return envelopes.list(Paging.of(page, size));
    }

    public record Amendment(@Schema(ref = "Money") String ceiling, String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the created envelope",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = EnvelopeView.class)),
            headers = @Header(name = "Location", description = "where it is read",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response create(EnvelopeService.NewEnvelope body, @Context UriInfo uri) {
        RequestBodies.require(body);
        EnvelopeView created = envelopes.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the created AMEND entry of the ledger",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = EntryView.class)))
    public Response amend(@PathParam("id") long id, Amendment body,
                          @HeaderParam("Idempotency-Key") String idempotencyKey) {
        RequestBodies.require(body);
        return Response.status(201).entity(envelopes.amend(id, body.ceiling(), body.reason(), idempotencyKey))
                .build();
    }

    @GET
    @Path("/{id}")
    public EnvelopeView get(@PathParam("id") long id) {
        return envelopes.get(id);
    }

    public record PaymentCredits(@Schema(ref = "Money") String amount) {
    }

    @PUT
    @Path("/{id}/payment-credits/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    public EnvelopeView setPaymentCredits(@PathParam("id") long id, @PathParam("year") String year,
                                          PaymentCredits body) {
        RequestBodies.require(body);
        return envelopes.setPaymentCredits(id, year, body.amount());
    }

    @GET
    @Path("/{id}/entries")
    public Page<EntryView> entries(@PathParam("id") long id, @QueryParam("page") Integer page,
                                               @QueryParam("size") Integer size) {
        return envelopes.entries(id, Paging.of(page, size));
    }
}
