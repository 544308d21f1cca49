package org.cofinance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.ledger.LedgerReconciliation;
import org.cofinance.application.ledger.LedgerService;
import org.cofinance.application.ledger.ReservationBooking;
import org.cofinance.application.ledger.ReservationOrder;
import org.cofinance.application.ledger.ReservationOutcome;
import org.cofinance.application.ledger.Reservations;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.NewRequest;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: reservations are booked in batches, each in a transaction of its own, committed before the step
 * that asked for them; a step run again books nothing more, and nothing is booked for a request that has ended.
 */
@ExtendWith(ArquillianExtension.class)
class ReservationBatchIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.builtEarWith(ReservationBatchIT.class);
    }

    @EJB
    private FundingRequestService requests;

    @EJB
    private LedgerService ledger;

    @Inject
    private Reservations reservations;

    @EJB
    private ReservationBooking booking;

    @EJB
    private EnvelopeService envelopes;

    @EJB
    private LedgerReconciliation reconciliation;

    @PersistenceContext(unitName = "cofinance")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Test
    void shouldKeepAReservationBookedForAStepWhoseOwnTransactionFailsAndBookItOnceWhenTheStepRunsAgain()
            throws Exception {
        // given a request of two lines drawing on envelopes
        Long requestId = draft("Batch kept");

        // when its reservation step runs in a transaction that then fails, and runs again
        transaction.begin();
        boolean fits;
        try {
            fits = reservations.reservePlan(requestId, "it:batch:" + requestId, "officer");
        } finally {
            transaction.rollback();
        }
        boolean again = reservations.reservePlan(requestId, "it:batch:" + requestId, "officer");

        // then the reservation was committed on its own, once: one RESERVE entry per line
        assertTrue(fits, "the plan fits");
        assertTrue(again, "the step run again finds its lines reserved");
        assertEquals(2L, reserveEntries(requestId));
        assertEquals(2L, reservedCommitments(requestId));
        ledger.voidReservations(requestId, "it:batch:" + requestId + ":void", "officer");
    }

    @Test
    void shouldBookNothingForARequestThatHasEnded() {
        // given a request cancelled before it was routed
        Long requestId = draft("Batch cancelled");
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            requests.cancel(requestId, "the project stopped");
        }

        // when a reservation step runs for it
        boolean fits = reservations.reservePlan(requestId, "it:batch:" + requestId, "officer");

        // then nothing is held
        assertFalse(fits);
        assertEquals(0L, reserveEntries(requestId));
    }

    @Test
    void shouldBookEachOfManySimultaneousReservationsExactlyOnce() throws Exception {
        // given twelve requests reserved at the same moment by twelve callers
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(draft("Batch " + i));
        }
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Boolean>> steps = ids.stream().<Callable<Boolean>>map(id ->
                    () -> reservations.reservePlan(id, "it:batch:" + id, "officer")).toList();

            // when they all run
            List<Future<Boolean>> outcomes = callers.invokeAll(steps);

            // then each request holds its two lines, once, and the ledger still equals its entries
            for (int i = 0; i < ids.size(); i++) {
                assertTrue(outcomes.get(i).get(), "request " + ids.get(i) + " fits");
                assertEquals(2L, reserveEntries(ids.get(i)));
            }
        } finally {
            callers.shutdown();
            for (Long id : ids) {
                ledger.voidReservations(id, "it:batch:" + id + ":void", "officer");
            }
        }
        assertTrue(reconciliation.run().consistent(), "every envelope's balances equal its entries");
    }

    @Test
    void shouldNeverHoldMoreThanTheCeilingWhenManyCallersBookPastTheCombinerAtOnce() throws Exception {
        // given an envelope of its own that holds 10 reservations of 70 €, and one request to hold them
        Long cdc = organisation(OrganisationKind.CDC);
        String code = "IT-RACE-" + System.nanoTime() % 1_000_000_000L;
        Long envelope;
        try (SignedInUser.Scope admin = SignedInUser.signIn("admin")) {
            envelope = envelopes.create(new EnvelopeService.NewEnvelope(code, "Concurrence", cdc, "700.00", null,
                    null, null)).id();
        }
        Long requestId = draft("Réservations concurrentes");

        // when 24 callers book 70 € each, at once, each in a batch of its own (no combiner between them)
        int callers = 24;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReservationOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                ReservationOrder order = ReservationOrder.ofAmount(envelope, requestId, cdc, Instrument.SUBSIDY,
                        Money.euros(70), code + ":" + i, "it");
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return booking.reserveBatch(List.of(order)).get(0);
                }));
            }
            start.countDown();
            long held = 0;
            for (Future<ReservationOutcome> outcome : outcomes) {
                ReservationOutcome booked = outcome.get(60, TimeUnit.SECONDS);
                assertNull(booked.refusal(), "no order is refused for its own reason");
                held += booked.fits() ? 1 : 0;
            }

            // then exactly ten are held, and the envelope's row and the sum of its entries, read by SQL, agree
            assertEquals(10L, held);
            Object[] row = (Object[]) em.createNativeQuery("select e.reserved, e.committed, e.ceiling, "
                    + "(select coalesce(sum(l.amount), 0) from ledger_entry l where l.envelope_id = e.id "
                    + "and l.kind = 'RESERVE') from envelope e where e.id = ?1").setParameter(1, envelope)
                    .getSingleResult();
            assertEquals(0, new BigDecimal("700.00").compareTo((BigDecimal) row[0]), "reserved " + row[0]);
            assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) row[1]), "committed " + row[1]);
            assertEquals(0, ((BigDecimal) row[0]).compareTo((BigDecimal) row[3]), "reserved equals its entries");
            assertTrue(((BigDecimal) row[0]).add((BigDecimal) row[1]).compareTo((BigDecimal) row[2]) <= 0,
                    "reserved + committed within the ceiling");
        } finally {
            threads.shutdown();
            ledger.voidReservations(requestId, "it:race:" + requestId + ":void", "officer");
        }
        assertTrue(reconciliation.run().consistent(), "every envelope's balances equal its entries");
    }

    @Test
    void shouldFindTheKeysBookedBeforeAndTheRequestsOfABatchInTheDatabase() {
        // given an envelope of its own, two requests, and 50 € reserved under a key
        Long cdc = organisation(OrganisationKind.CDC);
        String code = "IT-KEYS-" + System.nanoTime() % 1_000_000_000L;
        Long envelope;
        try (SignedInUser.Scope admin = SignedInUser.signIn("admin")) {
            envelope = envelopes.create(new EnvelopeService.NewEnvelope(code, "Clés", cdc, "500.00", null, null,
                    null)).id();
        }
        Long first = draft("Clés 1");
        Long second = draft("Clés 2");
        ReservationOutcome booked = booking.reserveBatch(List.of(amount(envelope, first, cdc, "50.00", code + ":a")))
                .get(0);
        try {
            // when one batch brings that key again, the same key for another amount, a new key for the second request
            // and an order for a request that does not exist
            List<ReservationOutcome> outcomes = booking.reserveBatch(List.of(
                    amount(envelope, first, cdc, "50.00", code + ":a"),
                    amount(envelope, first, cdc, "60.00", code + ":a"),
                    amount(envelope, second, cdc, "70.00", code + ":b"),
                    amount(envelope, Long.MAX_VALUE, cdc, "10.00", code + ":c")));

            // then the key found again returns the first commitment, its reuse is refused, the new key is held, the
            // unknown request refused, and the envelope holds 120 € in two RESERVE entries
            assertTrue(booked.fits());
            assertEquals(booked.commitmentId(), outcomes.get(0).commitmentId());
            assertTrue(outcomes.get(1).refusal() instanceof IdempotencyKeyReusedException, "key reused");
            assertTrue(outcomes.get(2).fits());
            assertTrue(outcomes.get(3).refusal() instanceof NotFoundException, "no such request");
            Object[] row = (Object[]) em.createNativeQuery("select e.reserved, (select count(*) from ledger_entry l "
                    + "where l.envelope_id = e.id and l.kind = 'RESERVE') from envelope e where e.id = ?1").setParameter(1, envelope)
                    .getSingleResult();
            assertEquals(0, new BigDecimal("120.00").compareTo((BigDecimal) row[0]), "reserved " + row[0]);
            assertEquals(2L, ((Number) row[1]).longValue());
        } finally {
            ledger.voidReservations(first, "it:keys:" + first + ":void", "officer");
            ledger.voidReservations(second, "it:keys:" + second + ":void", "officer");
        }
        assertTrue(reconciliation.run().consistent(), "every envelope's balances equal its entries");
    }

    private static ReservationOrder amount(Long envelope, Long request, Long organisation, String euros, String key) {
        return ReservationOrder.ofAmount(envelope, request, organisation, Instrument.SUBSIDY,
                Money.of(new BigDecimal(euros)), key, "it");
    }

    private Long draft(String title) {
        Long cdc = organisation(OrganisationKind.CDC);
        Long fund = organisation(OrganisationKind.PRIVATE_INVESTOR);
        Long lead = organisation(OrganisationKind.COMPANY);
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            return requests.create(NewRequest.ofLead(title, "Dijon", "DIGITAL", lead, "100.00", List.of(
                    new NewRequest.Line(cdc, OwnEnvelope.open(envelopes, "IT-BATCH-CDC", cdc, "40.00"), "SUBSIDY",
                        "40.00"),
                    new NewRequest.Line(fund, OwnEnvelope.open(envelopes, "IT-BATCH-FUND", fund, "30.00"), "EQUITY",
                        "30.00"),
                    new NewRequest.Line(lead, null, "SELF_FUNDING", "30.00"))), null).id();
        }
    }

    private long reserveEntries(Long requestId) {
        return ((Number) em.createNativeQuery("select count(*) from ledger_entry where request_id = ?1 "
                + "and kind = 'RESERVE'").setParameter(1, requestId).getSingleResult()).longValue();
    }

    private long reservedCommitments(Long requestId) {
        return ((Number) em.createNativeQuery("select count(*) from commitment where request_id = ?1 "
                + "and status = 'RESERVED'").setParameter(1, requestId).getSingleResult()).longValue();
    }

    private Long organisation(OrganisationKind kind) {
        return em.createQuery("select o.id from Organisation o where o.kind = :k order by o.id", Long.class)
                .setParameter("k", kind).setMaxResults(1).getSingleResult();
    }
}
