package org.cofinance.application.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * The reservations asked of this node's ledger at the same moment, gathered into batches. Only the orders in flight
 * live here, while their callers wait; every node has its own, and the database arbitrates between them. A waiting
 * caller keeps the database connection its own transaction holds, and the batch takes one more: the datasource's
 * pool is sized well above the job executor's threads, which are the callers.
 */
@ApplicationScoped
public class ReservationBatches {

    /** The most reservations booked in one transaction. */
    static final int LARGEST_BATCH = 256;

    private final BatchCombiner<ReservationOrder, ReservationOutcome> combiner = new BatchCombiner<>(LARGEST_BATCH);

    public ReservationOutcome submit(ReservationOrder order,
                                     Function<List<ReservationOrder>, List<ReservationOutcome>> batch) {
        return combiner.submit(order, batch);
    }
}
