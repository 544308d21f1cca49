package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.cofinance.application.EnvelopeService;
import org.cofinance.application.Paging;
import org.cofinance.application.Views;

@Path("/envelopes")
@Produces(MediaType.APPLICATION_JSON)
public class EnvelopeResource {

    @EJB
    private EnvelopeService envelopes;

    @GET
    public Views.Page<Views.EnvelopeView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return envelopes.list(Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    public Views.EnvelopeView get(@PathParam("id") long id) {
        return envelopes.get(id);
    }

    @GET
    @Path("/{id}/entries")
    public Views.Page<Views.EntryView> entries(@PathParam("id") long id, @QueryParam("page") Integer page,
                                               @QueryParam("size") Integer size) {
        return envelopes.entries(id, Paging.of(page, size));
    }
}
