package org.cofinance.interfaces.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's OpenAPI 3 description, as the build generated it from these resources (SmallRye's plugin writes it into
 * the WAR's classes): read without credentials.
 */
@Path("/")
@Tag(name = "Description")
public class OpenApiResource {

    @GET
    @Path("openapi.json")
    @Produces("application/json")
    @Operation(summary = "This description, in JSON")
    public Response json() {
        return document("openapi.json", "application/json");
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    @Operation(summary = "This description, in YAML")
    public Response yaml() {
        return document("openapi.yaml", "application/yaml");
    }

    private static Response document(String name, String type) {
        InputStream content = OpenApiResource.class.getResourceAsStream("/META-INF/openapi/" + name);
        if (content == null) {
            throw new NotFoundException("this build carries no API description");
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(content, type + "; charset=UTF-8").cacheControl(cache).build();
    }
}
