package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cofinance.application.opendata.OpenDataService;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The open data, for anyone: the grants of signed conventions as SCDL « Subventions » 2.1.1 CSV and as a 360Giving
 * 1.4.3 data package. Clients and proxies may keep an answer a minute; it is the same with or without credentials.
 */
@Tag(name = "Open data")
@Path("/opendata")
public class OpenDataResource {

    @EJB
    private OpenDataService openData;

    @GET
    @Path("/scdl/subventions.csv")
    @APIResponse(responseCode = "200", description = "the SCDL subsidies file (one row per beneficiary)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response subventions(@QueryParam("attribuant") String attribuant, @QueryParam("year") String year) {
        return download(openData.scdl(attribuant, year));
    }

    @GET
    @Path("/360giving.json")
    @APIResponse(responseCode = "200", description = "the 360Giving data package of the grants",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public Response threeSixtyGiving() {
        return download(openData.threeSixtyGiving());
    }

    private static Response download(OpenDataService.Download download) {
        return Response.ok(download.content(), download.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("Cache-Control", "public, max-age=60")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
