package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cofinance.application.ledger.LedgerReconciliation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Ledger")
@Path("/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @EJB
    private LedgerReconciliation reconciliation;

    /** Whether every envelope's balances equal its entries (FINANCE, ADMIN). */
    @GET
    @Path("/reconciliation")
    public LedgerReconciliation.Result reconciliation() {
        return reconciliation.check();
    }
}
