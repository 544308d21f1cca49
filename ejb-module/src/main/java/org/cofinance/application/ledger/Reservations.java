package org.cofinance.application.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;

/**
 * The pending half of the ledger's two-phase transfers: reservations, the movement that many callers ask for at once
 * on the same envelopes. Each is booked in a transaction of its own, together with the reservations other callers of
 * this node ask for at the same moment ({@link ReservationBatches}, {@link ReservationBooking}), and committed before
 * it returns; the request's decisions later post or void it ({@link LedgerService}).
 */
@ApplicationScoped
public class Reservations {

    private final ReservationBatches batches;
    private final ReservationBooking booking;

    @Inject
    public Reservations(ReservationBatches batches, ReservationBooking booking) {
        this.batches = batches;
        this.booking = booking;
    }

    /** For the container's proxies only. */
    protected Reservations() {
        this(null, null);
    }

    /**
     * Reserves every plan line that draws on an envelope, all or nothing. An envelope outside its validity period
     * holds nothing, and neither does a request that has reached its end (cancelled, rejected...). A step that runs
     * again with the same key finds its lines already reserved and books nothing more.
     *
     * @param keyPrefix the idempotency key of this step; each line's entry is keyed {@code keyPrefix:line:<id>}
     * @return whether every envelope could hold its lines; when not, nothing was reserved
     */
    public boolean reservePlan(Long requestId, String keyPrefix, String author) {
        return submit(ReservationOrder.ofPlan(requestId, keyPrefix, author)).fits();
    }

    /**
     * Reserves one amount on one envelope (and its parents) for a request, under an idempotency key: the same key
     * again returns the first reservation and moves nothing.
     *
     * @return the commitment holding the reservation, or empty when the envelope or a parent cannot hold it
     * @throws IdempotencyKeyReusedException when the key already reserved another amount or envelope
     */
    public Optional<Long> reserve(Long envelopeId, Long requestId, Long organisationId, Instrument instrument,
                                  Money amount, String key, String author) {
        ReservationOutcome outcome = submit(ReservationOrder.ofAmount(envelopeId, requestId, organisationId,
                instrument, amount, key, author));
        return outcome.fits() ? Optional.of(outcome.commitmentId()) : Optional.empty();
    }

    private ReservationOutcome submit(ReservationOrder order) {
        ReservationOutcome outcome = batches.submit(order, booking::reserveBatch);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome;
    }
}
