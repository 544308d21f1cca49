package org.cofinance.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cofinance.application.ledger.ReservationBatches;
import org.cofinance.application.ledger.ReservationBooking;
import org.cofinance.application.ledger.ReservationOrder;
import org.cofinance.application.ledger.ReservationOutcome;
import org.cofinance.application.ledger.Reservations;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.infrastructure.persistence.JpaCommitmentRepository;
import org.cofinance.infrastructure.persistence.JpaEnvelopeRepository;
import org.cofinance.infrastructure.persistence.JpaFundingRequestRepository;
import org.cofinance.infrastructure.persistence.JpaLedgerEntryRepository;

/**
 * The application's reservations as the server wires them, built by their constructors: the node's batches, and each
 * batch booked by the application's {@link ReservationBooking} on JPA repositories, in a transaction of its own — what
 * the server's container does for {@code REQUIRES_NEW}.
 */
final class ApplicationLedger {

    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final Reservations reservations;

    ApplicationLedger(EntityManagerFactory jpa) {
        this.reservations = new Reservations(new ReservationBatches(), new BatchInItsOwnTransaction(jpa));
    }

    /** One client's reservation; the client's call holds no transaction, as a job's step holds none of the batch's. */
    boolean reserve(LedgerFixture fixture, int index, long cents) {
        return reservations.reserve(fixture.appEnvelope(), fixture.request(), fixture.organisation(),
                Instrument.SUBSIDY, Money.ofCents(cents), "bench:app:" + fixture.run() + ":" + index, "bench")
                .isPresent();
    }

    String batching() {
        long count = batches.get();
        return String.format("The application booked them in %,d transactions: %.1f reservations per batch on "
                + "average, %.1f ms per batch (warm-up included).", count, (double) orders.get() / count,
                nanos.get() / 1e6 / count);
    }

    private final class BatchInItsOwnTransaction extends ReservationBooking {
        private final EntityManagerFactory jpa;

        BatchInItsOwnTransaction(EntityManagerFactory jpa) {
            this.jpa = jpa;
        }

        @Override
        public List<ReservationOutcome> reserveBatch(List<ReservationOrder> batch) {
            long begin = System.nanoTime();
            EntityManager em = jpa.createEntityManager();
            try {
                ReservationBooking booking = new ReservationBooking(new JpaFundingRequestRepository(em),
                        new JpaEnvelopeRepository(em), new JpaCommitmentRepository(em),
                        new JpaLedgerEntryRepository(em),
                        Clock.systemUTC());
                em.getTransaction().begin();
                List<ReservationOutcome> outcomes = booking.reserveBatch(batch);
                em.getTransaction().commit();
                batches.incrementAndGet();
                orders.addAndGet(batch.size());
                nanos.addAndGet(System.nanoTime() - begin);
                return outcomes;
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
    }
}
