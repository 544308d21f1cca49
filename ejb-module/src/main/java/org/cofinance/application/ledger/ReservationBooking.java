package org.cofinance.application.ledger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.shared.Money;

/**
 * Books a batch of reservations in one transaction, one after the other in the order given, as TigerBeetle batches
 * its transfers: the requests concerned are share-locked and the envelopes of every order locked (in id order,
 * parents included) once for the whole batch, each order is then decided on the balances as the orders before it left
 * them, and everything is written and committed at once. A hot envelope is thus locked once per batch instead of once
 * per reservation; the database's row locks and CHECK constraints still arbitrate between nodes. An order refused for
 * its own reason (a reused key, an unknown envelope) does not fail the others.
 */
@Stateless
public class ReservationBooking {

    /** Validity periods are calendar days in France. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final FundingRequestRepository requests;
    private final EnvelopeRepository envelopes;
    private final CommitmentRepository commitments;
    private final LedgerEntryRepository entries;
    private final Clock clock;

    @Inject
    public ReservationBooking(FundingRequestRepository requests, EnvelopeRepository envelopes,
                              CommitmentRepository commitments, LedgerEntryRepository entries, Clock clock) {
        this.requests = requests;
        this.envelopes = envelopes;
        this.commitments = commitments;
        this.entries = entries;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected ReservationBooking() {
        this(null, null, null, null, null);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ReservationOutcome> reserveBatch(List<ReservationOrder> orders) {
        // a cancellation locks its request first: the batch share-locks them before any envelope
        Map<Long, RequestStatus> statuses = requests.shareLockStatuses(
                orders.stream().map(ReservationOrder::requestId).toList());
        Map<String, LedgerEntry> earlier = new HashMap<>();
        entries.findByKeys(orders.stream().map(ReservationOrder::key).filter(Objects::nonNull).distinct().toList())
                .forEach(entry -> earlier.put(entry.idempotencyKey(), entry));
        Map<Long, List<PlanLine>> planLines = new HashMap<>();
        List<Envelope> touched = new ArrayList<>();
        for (ReservationOrder order : orders) {
            RequestStatus status = statuses.get(order.requestId());
            if (status == null || status.isFinal()) {
                continue;
            }
            if (order.isPlan() && !planLines.containsKey(order.requestId())) {
                List<PlanLine> lines = linesToReserve(order.requestId());
                planLines.put(order.requestId(), lines);
                lines.forEach(l -> touched.add(l.envelope().orElseThrow()));
            } else if (!order.isPlan()) {
                envelopes.find(order.envelopeId()).ifPresent(touched::add);
            }
        }
        envelopes.lockChains(touched);
        Batch batch = new Batch(clock.instant(), LocalDate.ofInstant(clock.instant(), PARIS), earlier);
        List<ReservationOutcome> outcomes = new ArrayList<>();
        for (ReservationOrder order : orders) {
            RequestStatus status = statuses.get(order.requestId());
            if (status == null) {
                // committed requests only: a batch runs in a transaction of its own
                outcomes.add(ReservationOutcome.refused(new NotFoundException("no request " + order.requestId())));
            } else if (status.isFinal()) {
                outcomes.add(ReservationOutcome.NOT_HELD);
            } else if (order.isPlan()) {
                // the same step twice in one batch (a job run twice at once) books its lines once
                outcomes.add(batch.plans.computeIfAbsent(order.requestId(),
                        r -> reserveLines(order, planLines.get(r), batch)));
            } else {
                outcomes.add(reserveAmount(order, batch));
            }
        }
        return outcomes;
    }

    /** What the orders of one batch share: its instant and day, and the keys booked before and during it. */
    private static final class Batch {
        final Instant now;
        final LocalDate today;
        final Map<String, LedgerEntry> earlier;
        final Map<Long, ReservationOutcome> plans = new HashMap<>();
        final Map<String, ReservationOrder> bookedNow = new HashMap<>();
        final Map<String, Long> commitmentsNow = new HashMap<>();

        Batch(Instant now, LocalDate today, Map<String, LedgerEntry> earlier) {
            this.now = now;
            this.today = today;
            this.earlier = earlier;
        }
    }

    private List<PlanLine> linesToReserve(Long requestId) {
        List<Long> alreadyReserved = commitments.reservedPlanLineIds(requestId);
        return requests.find(requestId).orElseThrow().plan().stream()
                .filter(PlanLine::drawsOnEnvelope)
                .filter(l -> !alreadyReserved.contains(l.id()))
                .toList();
    }

    private ReservationOutcome reserveLines(ReservationOrder order, List<PlanLine> lines, Batch batch) {
        Map<Envelope, Money> needed = new HashMap<>();
        for (PlanLine line : lines) {
            for (Envelope e : line.envelope().orElseThrow().chain()) {
                needed.merge(e, line.amount(), Money::plus);
            }
        }
        boolean fits = needed.entrySet().stream().noneMatch(n -> n.getValue().isGreaterThan(n.getKey().available()))
                && lines.stream().allMatch(l -> l.envelope().orElseThrow().isOpenOn(batch.today));
        if (!fits) {
            return ReservationOutcome.NOT_HELD;
        }
        for (PlanLine line : lines) {
            Commitment commitment = new Commitment(line.envelope().orElseThrow(), order.requestId(), line.id(),
                    line.organisation().id(), line.instrument(), line.amount(), batch.now);
            commitments.add(commitment);
            entries.record(commitment.reservationEntry(
                    Movement.by(order.author(), batch.now, order.keyPrefix() + ":line:" + line.id())));
        }
        return ReservationOutcome.HELD;
    }

    private ReservationOutcome reserveAmount(ReservationOrder order, Batch batch) {
        LedgerEntry earlier = batch.earlier.get(order.key());
        if (earlier != null) {
            return earlier.sameMovementAs(EntryKind.RESERVE, order.envelopeId(), order.amount())
                    ? ReservationOutcome.held(earlier.commitmentId())
                    : ReservationOutcome.refused(new IdempotencyKeyReusedException(order.key()));
        }
        ReservationOrder booked = batch.bookedNow.get(order.key());
        if (booked != null) {
            return booked.envelopeId().equals(order.envelopeId()) && booked.amount().equals(order.amount())
                    ? ReservationOutcome.held(batch.commitmentsNow.get(order.key()))
                    : ReservationOutcome.refused(new IdempotencyKeyReusedException(order.key()));
        }
        Envelope envelope = envelopes.find(order.envelopeId()).orElse(null);
        if (envelope == null) {
            return ReservationOutcome.refused(new NotFoundException("no envelope " + order.envelopeId()));
        }
        if (!envelope.canHold(order.amount()) || !envelope.isOpenOn(batch.today)) {
            return ReservationOutcome.NOT_HELD;
        }
        Commitment commitment = new Commitment(envelope, order.requestId(), null, order.organisationId(),
                order.instrument(), order.amount(), batch.now);
        commitments.add(commitment);
        entries.record(commitment.reservationEntry(Movement.by(order.author(), batch.now, order.key())));
        batch.bookedNow.put(order.key(), order);
        batch.commitmentsNow.put(order.key(), commitment.id());
        return ReservationOutcome.held(commitment.id());
    }
}
