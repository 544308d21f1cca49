package org.cofinance.application.ledger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.Money;

/**
 * Moves a request's money through the ledger. Envelopes are locked in the database (SELECT ... FOR UPDATE, in id
 * order, parents included) before their balances are read, so that concurrent callers on any node serialise on the
 * rows; the CHECK constraints of the envelope table are the last word on the ceiling. Reservations, the movement
 * that many callers ask for at once on the same envelopes, are booked in batches (see {@link #reserveBatch}).
 */
@Stateless
public class LedgerService {

    /** Validity periods are calendar days in France. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ReservationBatches reservations;

    @EJB
    private LedgerService self;

    /**
     * One reservation asked of the ledger: a request's whole plan (keyed by its step) or one amount on one envelope
     * (keyed by its caller).
     */
    public record ReservationOrder(Long requestId, String keyPrefix, String author, Long envelopeId,
                                   Long organisationId, Instrument instrument, Money amount, String key) {

        static ReservationOrder ofPlan(Long requestId, String keyPrefix, String author) {
            return new ReservationOrder(Objects.requireNonNull(requestId), Objects.requireNonNull(keyPrefix), author,
                    null, null, null, null, null);
        }

        static ReservationOrder ofAmount(Long envelopeId, Long requestId, Long organisationId, Instrument instrument,
                                         Money amount, String key, String author) {
            return new ReservationOrder(Objects.requireNonNull(requestId), null, author,
                    Objects.requireNonNull(envelopeId), organisationId, instrument, amount,
                    Objects.requireNonNull(key));
        }

        boolean isPlan() {
            return keyPrefix != null;
        }
    }

    /** What became of a reservation: held (with its commitment, for one amount), not held, or refused. */
    public record ReservationOutcome(boolean fits, Long commitmentId, RuntimeException refusal) {

        static final ReservationOutcome HELD = new ReservationOutcome(true, null, null);
        static final ReservationOutcome NOT_HELD = new ReservationOutcome(false, null, null);

        static ReservationOutcome held(Long commitmentId) {
            return new ReservationOutcome(true, commitmentId, null);
        }

        static ReservationOutcome refused(RuntimeException refusal) {
            return new ReservationOutcome(false, null, refusal);
        }
    }

    /**
     * Reserves every plan line that draws on an envelope, all or nothing. An envelope outside its validity period
     * holds nothing, and neither does a request that has reached its end (cancelled, rejected...).
     *
     * <p>The reservation is booked in a transaction of its own, together with the reservations other callers ask
     * for at the same moment (see {@link #reserveBatch}), and committed before this returns: it is a pending
     * transfer that the request's decisions later post or void. A step that runs again with the same key finds its
     * lines already reserved and books nothing more.
     *
     * @param keyPrefix the idempotency key of this step; each line's entry is keyed {@code keyPrefix:line:<id>}
     * @return whether every envelope could hold its lines; when not, nothing was reserved
     */
    public boolean reservePlan(Long requestId, String keyPrefix, String author) {
        return submit(ReservationOrder.ofPlan(requestId, keyPrefix, author)).fits();
    }

    /**
     * Reserves one amount on one envelope (and its parents) for a request, under an idempotency key: the same key
     * again returns the first reservation and moves nothing. Booked and committed like {@link #reservePlan}.
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
        ReservationOutcome outcome = reservations.submit(order, self::reserveBatch);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome;
    }

    /**
     * Books a batch of reservations in one transaction, one after the other in the order given, as TigerBeetle
     * batches its transfers: the requests concerned are share-locked and the envelopes of every order locked
     * (SELECT ... FOR UPDATE, in id order, parents included) once for the whole batch, each order is then decided on
     * the balances as the orders before it left them, and everything is written and committed at once. A hot
     * envelope is thus locked once per batch instead of once per reservation; the database's row locks and CHECK
     * constraints still arbitrate between nodes. An order refused for its own reason (a reused key, an unknown
     * envelope) does not fail the others.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ReservationOutcome> reserveBatch(List<ReservationOrder> orders) {
        Map<Long, RequestStatus> requests = lockRequests(orders);
        // one indexed lookup per key: PostgreSQL planned an IN list of keys as a scan of the whole ledger
        Map<String, LedgerEntry> keys = new HashMap<>();
        orders.stream().filter(o -> o.key() != null).map(ReservationOrder::key).distinct()
                .forEach(key -> em.createQuery("select l from LedgerEntry l where l.idempotencyKey = :k",
                                LedgerEntry.class).setParameter("k", key).getResultStream().findFirst()
                        .ifPresent(l -> keys.put(key, l)));
        Map<Long, List<PlanLine>> planLines = new HashMap<>();
        List<Envelope> envelopes = new ArrayList<>();
        for (ReservationOrder order : orders) {
            if (!canReserve(requests.get(order.requestId()))) {
                continue;
            }
            if (order.isPlan() && !planLines.containsKey(order.requestId())) {
                List<PlanLine> lines = linesToReserve(order.requestId());
                planLines.put(order.requestId(), lines);
                lines.forEach(l -> envelopes.add(l.envelope().orElseThrow()));
            } else if (!order.isPlan()) {
                Optional.ofNullable(em.find(Envelope.class, order.envelopeId())).ifPresent(envelopes::add);
            }
        }
        lockChains(envelopes);
        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        Instant now = clock.instant();
        Map<Long, ReservationOutcome> plansNow = new HashMap<>();
        Map<String, ReservationOrder> bookedNow = new HashMap<>();
        Map<String, Long> commitments = new HashMap<>();
        List<ReservationOutcome> outcomes = new ArrayList<>();
        for (ReservationOrder order : orders) {
            RequestStatus status = requests.get(order.requestId());
            if (status == null) {
                // committed requests only: a batch runs in a transaction of its own
                outcomes.add(ReservationOutcome.refused(new NotFoundException("no request " + order.requestId())));
            } else if (status.isFinal()) {
                outcomes.add(ReservationOutcome.NOT_HELD);
            } else if (order.isPlan()) {
                // the same step twice in one batch (a job run twice at once) books its lines once
                outcomes.add(plansNow.computeIfAbsent(order.requestId(),
                        r -> reserveLines(order, planLines.get(r), today, now)));
            } else {
                outcomes.add(reserveAmount(order, keys.get(order.key()), bookedNow, commitments, today, now));
            }
        }
        return outcomes;
    }

    /**
     * Share-locks the requests in id order (a cancellation locks its request first) and reads their status; a
     * request not found (or not committed yet) has none.
     */
    private Map<Long, RequestStatus> lockRequests(List<ReservationOrder> orders) {
        Map<Long, RequestStatus> statuses = new TreeMap<>();
        orders.forEach(o -> statuses.put(o.requestId(), null));
        for (Long requestId : new ArrayList<>(statuses.keySet())) {
            em.createNativeQuery("select status from funding_request where id = ?1 for key share")
                    .setParameter(1, requestId).getResultStream().findFirst()
                    .ifPresent(status -> statuses.put(requestId, RequestStatus.valueOf((String) status)));
        }
        return statuses;
    }

    private static boolean canReserve(RequestStatus status) {
        return status != null && !status.isFinal();
    }

    private List<PlanLine> linesToReserve(Long requestId) {
        FundingRequest request = em.find(FundingRequest.class, requestId);
        List<Long> alreadyReserved = em.createQuery(
                        "select c.planLineId from Commitment c where c.requestId = :r and c.status = :s", Long.class)
                .setParameter("r", requestId).setParameter("s", CommitmentStatus.RESERVED).getResultList();
        return request.plan().stream()
                .filter(PlanLine::drawsOnEnvelope)
                .filter(l -> !alreadyReserved.contains(l.id()))
                .toList();
    }

    private ReservationOutcome reserveLines(ReservationOrder order, List<PlanLine> lines, LocalDate today,
                                            Instant now) {
        Map<Envelope, Money> needed = new HashMap<>();
        for (PlanLine line : lines) {
            for (Envelope e : line.envelope().orElseThrow().chain()) {
                needed.merge(e, line.amount(), Money::plus);
            }
        }
        boolean fits = needed.entrySet().stream().noneMatch(n -> n.getValue().isGreaterThan(n.getKey().available()))
                && lines.stream().allMatch(l -> l.envelope().orElseThrow().isOpenOn(today));
        if (!fits) {
            return ReservationOutcome.NOT_HELD;
        }
        for (PlanLine line : lines) {
            Commitment commitment = new Commitment(line.envelope().orElseThrow(), order.requestId(), line.id(),
                    line.organisation().id(), line.instrument(), line.amount(), now);
            em.persist(commitment);
            em.persist(commitment.reservationEntry(
                    Movement.by(order.author(), now, order.keyPrefix() + ":line:" + line.id())));
        }
        return ReservationOutcome.HELD;
    }

    private ReservationOutcome reserveAmount(ReservationOrder order, LedgerEntry earlier,
                                             Map<String, ReservationOrder> bookedNow, Map<String, Long> commitments,
                                             LocalDate today, Instant now) {
        if (earlier != null) {
            return earlier.sameMovementAs(EntryKind.RESERVE, order.envelopeId(), order.amount())
                    ? ReservationOutcome.held(earlier.commitmentId())
                    : ReservationOutcome.refused(new IdempotencyKeyReusedException(order.key()));
        }
        ReservationOrder booked = bookedNow.get(order.key());
        if (booked != null) {
            return booked.envelopeId().equals(order.envelopeId()) && booked.amount().equals(order.amount())
                    ? ReservationOutcome.held(commitments.get(order.key()))
                    : ReservationOutcome.refused(new IdempotencyKeyReusedException(order.key()));
        }
        Envelope envelope = em.find(Envelope.class, order.envelopeId());
        if (envelope == null) {
            return ReservationOutcome.refused(new NotFoundException("no envelope " + order.envelopeId()));
        }
        if (!envelope.canHold(order.amount()) || !envelope.isOpenOn(today)) {
            return ReservationOutcome.NOT_HELD;
        }
        Commitment commitment = new Commitment(envelope, order.requestId(), null, order.organisationId(),
                order.instrument(), order.amount(), now);
        em.persist(commitment);
        em.persist(commitment.reservationEntry(Movement.by(order.author(), now, order.key())));
        bookedNow.put(order.key(), order);
        commitments.put(order.key(), commitment.id());
        return ReservationOutcome.held(commitment.id());
    }

    /** Turns every reservation of the request into a commitment of the reserved amount. */
    public void postCommitments(Long requestId, String keyPrefix, String author) {
        lockRequest(requestId);
        List<Commitment> reserved = reservedCommitments(requestId);
        lockChains(reserved.stream().map(Commitment::envelope).toList());
        Instant now = clock.instant();
        for (Commitment c : reserved) {
            record(c.post(c.reserved(), Movement.by(author, now, keyPrefix + ":commitment:" + c.id())));
        }
    }

    /**
     * Gives every reservation of the request back to its envelope. The request's row is locked first, so that a
     * reservation being booked for it at that moment (it share-locks the request) is either seen here and voided,
     * or made after this and refused, the request having reached its end.
     */
    public void voidReservations(Long requestId, String keyPrefix, String author) {
        lockRequest(requestId);
        List<Commitment> reserved = reservedCommitments(requestId);
        lockChains(reserved.stream().map(Commitment::envelope).toList());
        Instant now = clock.instant();
        for (Commitment c : reserved) {
            em.persist(c.voidReservation(Movement.by(author, now, keyPrefix + ":commitment:" + c.id())));
        }
    }

    /** Closes every posted commitment of a cancelled request; what was not paid goes back to its envelope. */
    public void releaseCommitments(Long requestId, String keyPrefix, String author) {
        closePosted(requestId, keyPrefix, ":release", author, "request cancelled");
    }

    /**
     * Pays a validated tranche of a contracted request on each of its commitments (its share, or all that is left for
     * the last tranche): one disbursement asked by whoever recorded the evidence and paid by the validator, each a
     * DISBURSE entry. A tranche already paid is left as it is.
     */
    public void payTranche(Long trancheId, String keyPrefix) {
        Tranche tranche = em.find(Tranche.class, trancheId, LockModeType.PESSIMISTIC_WRITE);
        if (tranche.status() == Tranche.Status.PAID) {
            return;
        }
        List<Commitment> posted = postedCommitments(tranche.request().id());
        lockChains(posted.stream().map(Commitment::envelope).toList());
        List<Money> payments = tranche.payments(posted, tranche.request().isLastTranche(tranche));
        Instant now = clock.instant();
        for (int i = 0; i < posted.size(); i++) {
            Commitment c = posted.get(i);
            Money amount = payments.get(i);
            if (amount.isPositive()) {
                Disbursement payment = Disbursement.ofTranche(tranche.id(), c, amount, tranche.evidence(),
                        tranche.evidencedBy(), now);
                em.persist(payment);
                em.persist(payment.pay(tranche.validatedBy(), new Movement(tranche.validatedBy(), now,
                        keyPrefix + ":commitment:" + c.id(), "tranche " + tranche.label())));
            }
        }
        tranche.paid();
    }

    /** Closes the request's commitments at the end of its convention: what was not paid goes back (dégagement). */
    public void closeCommitments(Long requestId, String keyPrefix, String author) {
        closePosted(requestId, keyPrefix, ":close", author, "closing: undisbursed rest released");
    }

    private void closePosted(Long requestId, String keyPrefix, String keySuffix, String author, String reason) {
        List<Commitment> posted = postedCommitments(requestId);
        lockChains(posted.stream().map(Commitment::envelope).toList());
        Instant now = clock.instant();
        for (Commitment c : posted) {
            record(c.close(new Movement(author, now, keyPrefix + ":commitment:" + c.id() + keySuffix, reason)));
        }
    }

    /** What a tranche of the request schedules over all its commitments, as things stand. */
    public Money scheduledTotal(Tranche tranche) {
        boolean last = tranche.request().isLastTranche(tranche);
        return postedCommitments(tranche.request().id()).stream().map(c -> tranche.amountFor(c, last))
                .reduce(Money.ZERO, Money::plus);
    }

    private List<Commitment> postedCommitments(Long requestId) {
        return em.createQuery("select c from Commitment c where c.requestId = :r and c.status in :s order by c.id",
                        Commitment.class)
                .setParameter("r", requestId)
                .setParameter("s", List.of(CommitmentStatus.COMMITTED, CommitmentStatus.DISBURSED)).getResultList();
    }

    private List<Commitment> reservedCommitments(Long requestId) {
        return em.createQuery("select c from Commitment c where c.requestId = :r and c.status = :s order by c.id",
                        Commitment.class)
                .setParameter("r", requestId).setParameter("s", CommitmentStatus.RESERVED).getResultList();
    }

    private void record(List<LedgerEntry> entries) {
        entries.forEach(em::persist);
    }

    /**
     * Locks the request's row before its envelopes, as every movement of a request's reservations does (a batch
     * share-locks it), so that posting and voiding the same request never wait on each other in opposite orders.
     */
    private void lockRequest(Long requestId) {
        em.createNativeQuery("select id from funding_request where id = ?1 for update").setParameter(1, requestId)
                .getResultList();
    }

    /** Locks the envelopes and all their parents, in id order so that two callers never wait on each other. */
    private void lockChains(Collection<Envelope> envelopes) {
        Map<Long, Envelope> byId = new TreeMap<>();
        for (Envelope envelope : envelopes) {
            for (Envelope e : envelope.chain()) {
                byId.put(e.id(), e);
            }
        }
        for (Envelope e : new ArrayList<>(byId.values())) {
            em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        }
    }

}
