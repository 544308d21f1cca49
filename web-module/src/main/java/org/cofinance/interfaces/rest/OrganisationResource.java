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
    public Response create(NewOrganisation body, @Context UriInfo uri) {
        RequestBodies.require(body);
        OrganisationView created = organisations.create(body.name(), body.kind(), body.siret());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }
}
