package org.cofinance.application;

import jakarta.ejb.Stateless;
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
import java.util.Optional;
import java.util.TreeMap;
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
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.Money;

/**
 * Moves a request's money through the ledger. Envelopes are locked in the database (SELECT ... FOR UPDATE, in id
 * order, parents included) before their balances are read, so that concurrent callers on any node serialise on the
 * rows; the CHECK constraints of the envelope table are the last word on the ceiling.
 */
@Stateless
public class LedgerService {

    /** Validity periods are calendar days in France. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Reserves every plan line that draws on an envelope, all or nothing. An envelope outside its validity period
     * holds nothing.
     *
     * @param keyPrefix the idempotency key of this step; each line's entry is keyed {@code keyPrefix:line:<id>}
     * @return whether every envelope could hold its lines; when not, nothing was reserved
     */
    public boolean reservePlan(Long requestId, String keyPrefix, String author) {
        FundingRequest request = em.find(FundingRequest.class, requestId);
        List<Long> alreadyReserved = em.createQuery(
                        "select c.planLineId from Commitment c where c.requestId = :r and c.status = :s", Long.class)
                .setParameter("r", requestId).setParameter("s", CommitmentStatus.RESERVED).getResultList();
        List<PlanLine> lines = request.plan().stream()
                .filter(PlanLine::drawsOnEnvelope)
                .filter(l -> !alreadyReserved.contains(l.id()))
                .toList();
        lockChains(lines.stream().map(l -> l.envelope().orElseThrow()).toList());

        Map<Envelope, Money> needed = new HashMap<>();
        for (PlanLine line : lines) {
            for (Envelope e : line.envelope().orElseThrow().chain()) {
                needed.merge(e, line.amount(), Money::plus);
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), PARIS);
        boolean fits = needed.entrySet().stream().noneMatch(n -> n.getValue().isGreaterThan(n.getKey().available()))
                && lines.stream().allMatch(l -> l.envelope().orElseThrow().isOpenOn(today));
        if (!fits) {
            return false;
        }
        Instant now = clock.instant();
        for (PlanLine line : lines) {
            Commitment commitment = new Commitment(line.envelope().orElseThrow(), requestId, line.id(),
                    line.organisation().id(), line.instrument(), line.amount(), now);
            em.persist(commitment);
            em.persist(commitment.reservationEntry(
                    Movement.by(author, now, keyPrefix + ":line:" + line.id())));
        }
        return true;
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
        Optional<LedgerEntry> first = em.createQuery("select l from LedgerEntry l where l.idempotencyKey = :k",
                LedgerEntry.class).setParameter("k", key).getResultStream().findFirst();
        if (first.isPresent()) {
            if (!first.get().sameMovementAs(EntryKind.RESERVE, envelopeId, amount)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return Optional.of(first.get().commitmentId());
        }
        Envelope envelope = em.find(Envelope.class, envelopeId, LockModeType.PESSIMISTIC_WRITE);
        if (envelope == null) {
            throw new NotFoundException("no envelope " + envelopeId);
        }
        if (envelope.parent().isPresent()) {
            lockChains(List.of(envelope));
        }
        if (!envelope.canHold(amount) || !envelope.isOpenOn(LocalDate.ofInstant(clock.instant(), PARIS))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Commitment commitment = new Commitment(envelope, requestId, null, organisationId, instrument, amount, now);
        em.persist(commitment);
        em.persist(commitment.reservationEntry(Movement.by(author, now, key)));
        return Optional.of(commitment.id());
    }

    /** Turns every reservation of the request into a commitment of the reserved amount. */
    public void postCommitments(Long requestId, String keyPrefix, String author) {
        List<Commitment> reserved = reservedCommitments(requestId);
        lockChains(reserved.stream().map(Commitment::envelope).toList());
        Instant now = clock.instant();
        for (Commitment c : reserved) {
            record(c.post(c.reserved(), Movement.by(author, now, keyPrefix + ":commitment:" + c.id())));
        }
    }

    /** Gives every reservation of the request back to its envelope. */
    public void voidReservations(Long requestId, String keyPrefix, String author) {
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
