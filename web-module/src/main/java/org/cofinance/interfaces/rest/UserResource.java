package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.List;
import org.cofinance.application.access.UserAdminService.UserView;
import org.cofinance.application.access.UserAdminService;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.shared.ValidationException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The users of the identity store (ADMIN), and each user's change of his own password. */
@Tag(name = "Users")
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    public record NewUser(String username, String password, List<String> roles, Long organisationId,
                          String displayName, String email) {
    }

    public record Roles(List<String> roles) {
    }

    public record Password(String password) {
    }

    public record OwnPassword(String current, String password) {
    }

    public record Enabled(Boolean enabled) {
    }

    @EJB
    private UserAdminService users;

    @GET
    public Page<UserView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Paging paging = Paging.of(page, size);
        List<UserView> all = users.list();
        return new Page<>(all.stream().skip(paging.offset()).limit(paging.size()).toList(), all.size());
    }

    @POST
    @APIResponse(responseCode = "201", description = "the created user (who must choose his own password first)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = UserView.class)),
            headers = @Header(name = "Location", description = "where it is read",
                schema = @Schema(type = SchemaType.STRING, format = "uri")))
    public Response create(NewUser body, @Context UriInfo uri) {
        RequestBodies.require(body);
        UserView created = users.create(new UserAdminService.NewUser(body.username(), body.displayName(),
                body.email(), body.organisationId(), UserAdminService.roles(body.roles()), chars(body.password())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build()).entity(created)
                .build();
    }

    @PUT
    @Path("/me/password")
    @APIResponse(responseCode = "200", description = "the new password holds")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON_TYPE})
    public Response changeOwnPassword(OwnPassword body) {
        RequestBodies.require(body);
        users.changeOwnPassword(chars(body.current()), chars(body.password()));
        return Response.ok().build();
    }

    @PUT
    @Path("/{username}/roles")
    public UserView changeRoles(@PathParam("username") String username, Roles body) {
        RequestBodies.require(body);
        return users.changeRoles(username, UserAdminService.roles(body.roles()));
    }

    @PUT
    @Path("/{username}/password")
    @APIResponse(responseCode = "200", description = "reset: the user must choose his own password first")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON_TYPE})
    public Response resetPassword(@PathParam("username") String username, Password body) {
        RequestBodies.require(body);
        users.resetPassword(username, chars(body.password()));
        return Response.ok().build();
    }

    @PUT
    @Path("/{username}/enabled")
    public UserView setEnabled(@PathParam("username") String username, Enabled body) {
        RequestBodies.require(body);
        if (body.enabled() == null) {
            throw ValidationException.of("enabled", "is required: true or false");
        }
        return users.setEnabled(username, body.enabled());
    }

    private static char[] chars(String text) {
        return text == null ? null : text.toCharArray();
    }
}
