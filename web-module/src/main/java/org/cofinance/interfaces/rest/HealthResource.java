package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cofinance.application.health.HealthService;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Health")
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @EJB
    private HealthService health;

    @GET
    @APIResponse(responseCode = "200", description = "the node is up",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    properties = {
                        @SchemaProperty(name = "status", type = SchemaType.STRING, enumeration = {"UP", "DOWN"}),
                        @SchemaProperty(name = "node", type = SchemaType.STRING,
                            description = "the name of the node that served the call"),
                        @SchemaProperty(name = "pid", type = SchemaType.INTEGER, format = "int64",
                            description = "that node's server process id, to an administrator only")})))
    public Response health() {
        HealthService.Health node = health.check();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", node.up() ? "UP" : "DOWN");
        answer.put("node", node.node());
        if (node.processId() != null) {
            answer.put("pid", node.processId());
        }
        return Response.status(node.up() ? 200 : 503).entity(answer).build();
    }
}
