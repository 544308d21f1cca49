package org.cofinance.application.ledger;

import java.util.Objects;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;

/**
 * One reservation asked of the ledger: a request's whole plan (keyed by its step) or one amount on one envelope
 * (keyed by its caller).
 */
public record ReservationOrder(Long requestId, String keyPrefix, String author, Long envelopeId, Long organisationId,
                               Instrument instrument, Money amount, String key) {

    public static ReservationOrder ofPlan(Long requestId, String keyPrefix, String author) {
        return new ReservationOrder(Objects.requireNonNull(requestId), Objects.requireNonNull(keyPrefix), author,
                null, null, null, null, null);
    }

    public static ReservationOrder ofAmount(Long envelopeId, Long requestId, Long organisationId,
                                            Instrument instrument, Money amount, String key, String author) {
        return new ReservationOrder(Objects.requireNonNull(requestId), null, author, Objects.requireNonNull(envelopeId),
                organisationId, instrument, amount, Objects.requireNonNull(key));
    }

    public boolean isPlan() {
        return keyPrefix != null;
    }
}
