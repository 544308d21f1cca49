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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The programmes (calls): read by whoever is signed in, created by an administrator. */
@Tag(name = "Programmes")
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
    @APIResponse(responseCode = "201", description = "the created programme",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = ProgrammeView.class)),
            headers = @Header(name = "Location", description = "where it is read",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response create(NewProgramme body, @Context UriInfo uri) {
        RequestBodies.require(body);
        ProgrammeView created = programmes.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.code()).build()).entity(created).build();
    }
}
