package org.cofinance.application.ledger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.DisbursementStatus;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.DomainException;
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
    private final PaymentCreditControl credits;
    private final Clock clock;

    @Inject
    public LedgerService(FundingRequestRepository requests, EnvelopeRepository envelopes,
                         CommitmentRepository commitments, LedgerEntryRepository entries,
                         PaymentCreditControl credits, Clock clock) {
        this.requests = requests;
        this.envelopes = envelopes;
        this.commitments = commitments;
        this.entries = entries;
        this.credits = credits;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected LedgerService() {
        this(null, null, null, null, null, null);
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
     * The evidence of a tranche is recorded: each funder that has not paid its share of it yet is asked that share,
     * one requested payment per commitment (its share of the commitment, or all that is left for the last tranche;
     * a justified amount below the schedule is shared in proportion), less what officers asked in advance of this
     * tranche on that commitment (unless refused). Asked once, the amounts stay what each funder validates, whatever
     * the others pay meanwhile. A tranche nobody has anything left to pay on is paid at once.
     */
    public void askTranchePayments(Long trancheId) {
        Tranche tranche = lockedTranche(trancheId);
        List<Disbursement> lines = commitments.ofTranche(trancheId);
        Set<Long> paid = fundersWith(lines, DisbursementStatus.PAID);
        List<Commitment> posted = commitments.postedOf(tranche.request().id());
        boolean last = tranche.request().isLastTranche(tranche);
        List<Money> payments = tranche.payments(posted, last);
        // the last tranche pays what is left, from which the advances already paid are gone
        List<Disbursement> advances = commitments.advancesOn(trancheId).stream()
                .filter(d -> last ? d.status() == DisbursementStatus.REQUESTED
                        : d.status() != DisbursementStatus.REFUSED).toList();
        Instant now = clock.instant();
        boolean asked = false;
        for (int i = 0; i < posted.size(); i++) {
            Commitment c = posted.get(i);
            Money advanced = advances.stream().filter(d -> d.commitment().id().equals(c.id()))
                    .map(Disbursement::amount).reduce(Money.ZERO, Money::plus);
            Money share = payments.get(i).minus(advanced);
            if (share.isPositive() && !paid.contains(c.organisationId())) {
                commitments.add(Disbursement.ofTranche(trancheId, c, share, tranche.evidence(),
                        tranche.evidencedBy(), now));
                asked = true;
            }
        }
        if (!asked) {
            tranche.paidByEveryFunder();
        }
    }

    /** The funders whose share of the tranche is asked and not yet answered, by organisation id. */
    public List<Long> fundersToPay(Long trancheId) {
        return List.copyOf(fundersWith(commitments.ofTranche(trancheId), DisbursementStatus.REQUESTED));
    }

    /**
     * A funder's finance validates its share of the tranche: each of its requested payments is paid (a DISBURSE
     * entry, keyed by the payment so that it is booked once), within the year's payment credits of its envelopes;
     * once every funder asked has paid, the tranche is paid.
     *
     * @throws org.cofinance.domain.model.shared.SegregationOfDutiesException when the validator recorded the evidence
     */
    public void payTrancheShare(Long trancheId, Long organisationId, String validator) {
        Tranche tranche = lockedTranche(trancheId);
        tranche.checkValidator(validator);
        List<Disbursement> lines = commitments.ofTranche(trancheId);
        List<Disbursement> share = askedOf(lines, trancheId, organisationId);
        envelopes.lockChains(share.stream().map(d -> d.commitment().envelope()).toList());
        Instant now = clock.instant();
        for (Disbursement payment : share) {
            commitments.lock(payment);
            credits.checkPayment(payment.commitment().envelope(), payment.amount(), now);
            entries.record(payment.pay(validator, new Movement(validator, now, "tranche:" + trancheId + ":payment:"
                    + payment.id(), "tranche " + tranche.label())));
        }
        if (fundersWith(lines, DisbursementStatus.PAID).containsAll(fundersWith(lines, null))) {
            tranche.paidByEveryFunder();
        }
    }

    /** A funder's finance refuses the evidence for its share: its requested payments are refused, nothing moves. */
    public void refuseTrancheShare(Long trancheId, Long organisationId, String validator) {
        Tranche tranche = lockedTranche(trancheId);
        tranche.checkValidator(validator);
        Instant now = clock.instant();
        for (Disbursement payment : askedOf(commitments.ofTranche(trancheId), trancheId, organisationId)) {
            commitments.lock(payment);
            payment.refuse(validator, now);
        }
    }

    /** The tranche, its row locked: the answers on one tranche are taken one at a time, on every node. */
    private Tranche lockedTranche(Long trancheId) {
        return requests.lockTranche(trancheId).orElseThrow(() -> new NotFoundException("no tranche " + trancheId));
    }

    /** Of the tranche's payments, the funder's share still awaiting its answer (409 when there is none). */
    private static List<Disbursement> askedOf(List<Disbursement> lines, Long trancheId, Long organisationId) {
        List<Disbursement> share = lines.stream()
                .filter(d -> d.status() == DisbursementStatus.REQUESTED
                        && d.commitment().organisationId().equals(organisationId)).toList();
        if (share.isEmpty()) {
            throw new DomainException("organisation " + organisationId + " has no share of tranche " + trancheId
                    + " awaiting its answer");
        }
        return share;
    }

    /** The funders of the payments in that status (any status when null), in id order. */
    private static Set<Long> fundersWith(List<Disbursement> lines, DisbursementStatus status) {
        return lines.stream().filter(d -> status == null || d.status() == status)
                .map(d -> d.commitment().organisationId()).collect(Collectors.toCollection(TreeSet::new));
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
