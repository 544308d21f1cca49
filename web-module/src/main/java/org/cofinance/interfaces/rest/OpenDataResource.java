package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.cofinance.application.opendata.OpenDataService;

/**
 * The open data, for anyone: the grants of signed conventions as SCDL « Subventions » 2.1.1 CSV and as a 360Giving
 * 1.4.3 data package. Clients and proxies may keep an answer a minute; it is the same with or without credentials.
 */
@Path("/opendata")
public class OpenDataResource {

    @EJB
    private OpenDataService openData;

    @GET
    @Path("/scdl/subventions.csv")
    public Response subventions(@QueryParam("attribuant") String attribuant, @QueryParam("year") String year) {
        return download(openData.scdl(attribuant, year));
    }

    @GET
    @Path("/360giving.json")
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
