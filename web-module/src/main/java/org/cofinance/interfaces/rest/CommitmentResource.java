package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cofinance.application.ledger.CommitmentDetail;
import org.cofinance.application.ledger.CommitmentService;
import org.cofinance.application.ledger.DisbursementView;
import org.cofinance.application.ledger.RecoveryView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Commitments")
@Path("/commitments")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentResource {

    @EJB
    private CommitmentService commitments;

    @GET
    @Path("/{id}")
    public CommitmentDetail get(@PathParam("id") long id) {
        return commitments.get(id);
    }

    @POST
    @Path("/{id}/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the created disbursement, REQUESTED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = DisbursementView.class)),
            headers = @Header(name = "Location", description = "where it is read",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response requestDisbursement(@PathParam("id") long id, CommitmentService.DisbursementAsk body,
                                        @HeaderParam("Idempotency-Key") String idempotencyKey,
                                        @Context UriInfo uri) {
        RequestBodies.require(body);
        DisbursementView created = commitments.requestDisbursement(id, body, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("/{id}/disbursements/{disbursementId}/validate")
    public DisbursementView validate(@PathParam("id") long id, @PathParam("disbursementId") long disbursementId) {
        return commitments.validateDisbursement(id, disbursementId);
    }

    @POST
    @Path("/{id}/disbursements/{disbursementId}/refuse")
    public DisbursementView refuse(@PathParam("id") long id, @PathParam("disbursementId") long disbursementId) {
        return commitments.refuseDisbursement(id, disbursementId);
    }

    @POST
    @Path("/{id}/recoveries")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the created recovery order, ISSUED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = RecoveryView.class)),
            headers = @Header(name = "Location", description = "where it is read",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response issueRecovery(@PathParam("id") long id, CommitmentService.RecoveryAsk body,
                                  @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        RequestBodies.require(body);
        RecoveryView created = commitments.issueRecovery(id, body, idempotencyKey);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("/{id}/recoveries/{recoveryId}/received")
    public RecoveryView received(@PathParam("id") long id, @PathParam("recoveryId") long recoveryId) {
        return commitments.receiveRecovery(id, recoveryId);
    }

    @POST
    @Path("/{id}/recoveries/{recoveryId}/cancel")
    public RecoveryView cancelRecovery(@PathParam("id") long id, @PathParam("recoveryId") long recoveryId) {
        return commitments.cancelRecovery(id, recoveryId);
    }

    @POST
    @Path("/{id}/close")
    public CommitmentDetail close(@PathParam("id") long id) {
        return commitments.close(id);
    }
}
