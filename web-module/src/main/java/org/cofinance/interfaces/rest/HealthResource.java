package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.cofinance.application.health.HealthService;

@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @EJB
    private HealthService health;

    @GET
    public Response health() {
        boolean up = health.isUp();
        return Response.status(up ? 200 : 503).entity(Map.of("status", up ? "UP" : "DOWN")).build();
    }
}
