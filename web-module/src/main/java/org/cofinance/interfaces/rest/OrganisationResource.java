package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.cofinance.application.organisation.OrganisationService;
import org.cofinance.application.organisation.OrganisationView;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Organisations")
@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    public record NewOrganisation(String name, String kind, String siret) {
    }

    @EJB
    private OrganisationService organisations;

    @GET
    public Page<OrganisationView> list(@QueryParam("page") Integer page,
                                                   @QueryParam("size") Integer size) {
        return organisations.list(Paging.of(page, size));
    }

    @POST
    @APIResponse(responseCode = "201", description = "the created organisation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = OrganisationView.class)),
            headers = @Header(name = "Location", description = "where it is read",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response create(NewOrganisation body, @Context UriInfo uri) {
        RequestBodies.require(body);
        OrganisationView created = organisations.create(body.name(), body.kind(), body.siret());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }
}
