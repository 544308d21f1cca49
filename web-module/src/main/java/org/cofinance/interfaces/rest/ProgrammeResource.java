package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cofinance.application.programme.NewProgramme;
import org.cofinance.application.programme.ProgrammeService;
import org.cofinance.application.programme.ProgrammeView;
import org.cofinance.application.shared.Page;

/** The programmes (calls): read by whoever is signed in, created by an administrator. */
@Path("/programmes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    @EJB
    private ProgrammeService programmes;

    @GET
    public Page<ProgrammeView> list() {
        List<ProgrammeView> all = programmes.list();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("/{code}")
    public ProgrammeView get(@PathParam("code") String code) {
        return programmes.get(code);
    }

    @POST
    public Response create(NewProgramme body, @Context UriInfo uri) {
        RequestBodies.require(body);
        ProgrammeView created = programmes.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }
}
