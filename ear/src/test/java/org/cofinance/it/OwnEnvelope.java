package org.cofinance.it;

import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.ledger.EnvelopeService;

/**
 * An envelope a test running inside the server opens for itself through the application, as the administrator would,
 * so that it books on no demo envelope.
 */
final class OwnEnvelope {

    private OwnEnvelope() {
    }

    /** Opens an envelope of {@code ownerOrganisationId} with that ceiling, named {@code prefix-…}: its code. */
    static String open(EnvelopeService envelopes, String prefix, Long ownerOrganisationId, String ceiling) {
        String code = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        try (SignedInUser.Scope admin = SignedInUser.signIn("admin")) {
            return envelopes.create(new EnvelopeService.NewEnvelope(code, "Enveloppe de " + code, ownerOrganisationId,
                    ceiling, null, null, null)).code();
        }
    }
}
