package org.cofinance.application.ledger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.Money;

/**
 * Moves a request's money through the ledger once it is reserved ({@link Reservations}): posting or voiding the
 * reservations, paying tranches, releasing what was not paid. Envelopes are locked in the database (in id order,
 * parents included) before their balances are read, so that concurrent callers on any node serialise on the rows; the
 * CHECK constraints of the envelope table are the last word on the ceiling. Every movement of a request's reservations
 * locks the request first.
 */
@Stateless
public class LedgerService {

    private final FundingRequestRepository requests;
    private final EnvelopeRepository envelopes;
    private final CommitmentRepository commitments;
    private final LedgerEntryRepository entries;
    private final Clock clock;

    @Inject
    public LedgerService(FundingRequestRepository requests, EnvelopeRepository envelopes,
                         CommitmentRepository commitments, LedgerEntryRepository entries, Clock clock) {
        this.requests = requests;
        this.envelopes = envelopes;
        this.commitments = commitments;
        this.entries = entries;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected LedgerService() {
        this(null, null, null, null, null);
    }

    /** Turns every reservation of the request into a commitment of the reserved amount. */
    public void postCommitments(Long requestId, String keyPrefix, String author) {
        requests.lock(requestId);
        List<Commitment> reserved = commitments.reservedOf(requestId);
        envelopes.lockChains(reserved.stream().map(Commitment::envelope).toList());
        Instant now = clock.instant();
        for (Commitment c : reserved) {
            entries.record(c.post(c.reserved(), Movement.by(author, now, keyPrefix + ":commitment:" + c.id())));
        }
    }

    /**
     * Gives every reservation of the request back to its envelope. The request's row is locked first, so that a
     * reservation being booked for it at that moment (it share-locks the request) is either seen here and voided,
     * or made after this and refused, the request having reached its end.
     */
    public void voidReservations(Long requestId, String keyPrefix, String author) {
        requests.lock(requestId);
        List<Commitment> reserved = commitments.reservedOf(requestId);
        envelopes.lockChains(reserved.stream().map(Commitment::envelope).toList());
        Instant now = clock.instant();
        for (Commitment c : reserved) {
            entries.record(c.voidReservation(Movement.by(author, now, keyPrefix + ":commitment:" + c.id())));
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
        Tranche tranche = requests.lockTranche(trancheId)
                .orElseThrow(() -> new NotFoundException("no tranche " + trancheId));
        if (tranche.status() == Tranche.Status.PAID) {
            return;
        }
        List<Commitment> posted = commitments.postedOf(tranche.request().id());
        envelopes.lockChains(posted.stream().map(Commitment::envelope).toList());
        List<Money> payments = tranche.payments(posted, tranche.request().isLastTranche(tranche));
        Instant now = clock.instant();
        for (int i = 0; i < posted.size(); i++) {
            Commitment c = posted.get(i);
            Money amount = payments.get(i);
            if (amount.isPositive()) {
                Disbursement payment = Disbursement.ofTranche(tranche.id(), c, amount, tranche.evidence(),
                        tranche.evidencedBy(), now);
                commitments.add(payment);
                entries.record(payment.pay(tranche.validatedBy(), new Movement(tranche.validatedBy(), now,
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
        List<Commitment> posted = commitments.postedOf(requestId);
        envelopes.lockChains(posted.stream().map(Commitment::envelope).toList());
        Instant now = clock.instant();
        for (Commitment c : posted) {
            entries.record(c.close(new Movement(author, now, keyPrefix + ":commitment:" + c.id() + keySuffix,
                    reason)));
        }
    }

    /** What a tranche of the request schedules over all its commitments, as things stand. */
    public Money scheduledTotal(Tranche tranche) {
        boolean last = tranche.request().isLastTranche(tranche);
        return commitments.postedOf(tranche.request().id()).stream().map(c -> tranche.amountFor(c, last))
                .reduce(Money.ZERO, Money::plus);
    }
}
