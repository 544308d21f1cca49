package org.cofinance.application.request;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.cofinance.application.ledger.LedgerService;
import org.cofinance.application.ledger.Reservations;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.request.FunderDecisions;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.request.TrancheTerms;

/**
 * The steps the funding-request process takes on a request: each moves its money and its status together, in the
 * transaction of the process step; and what the process's conditions and collections ask of a request.
 */
@Stateless
public class RequestWorkflowService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final FundingRequestRepository requests;
    private final OrganisationRepository organisations;
    private final Reservations reservations;
    private final LedgerService ledger;
    private final RequestRules rules;
    private final Clock clock;

    @Inject
    public RequestWorkflowService(FundingRequestRepository requests, OrganisationRepository organisations,
                                  Reservations reservations, LedgerService ledger, RequestRules rules, Clock clock) {
        this.requests = requests;
        this.organisations = organisations;
        this.reservations = reservations;
        this.ledger = ledger;
        this.rules = rules;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected RequestWorkflowService() {
        this(null, null, null, null, null, null);
    }

    /**
     * Checks the request against the call's rules (the {@code eligibility} decision deployed with the process that
     * runs it); an ineligible request is closed with every broken rule as a reason.
     *
     * @return whether the request is eligible
     */
    public boolean checkEligibility(Long requestId, String processDefinitionId) {
        FundingRequest request = request(requestId);
        List<String> reasons = rules.eligibilityReasons(request.eligibilityFacts(), processDefinitionId);
        if (reasons.isEmpty()) {
            request.passEligibility();
        } else {
            request.markIneligible(reasons);
        }
        return reasons.isEmpty();
    }

    /** Reserves the plan; the request then awaits its funders' decisions, or goes to arbitration. */
    public boolean reserve(Long requestId, String key, String author) {
        FundingRequest request = request(requestId);
        boolean fits = reservations.reservePlan(requestId, key, author);
        if (fits) {
            request.awaitDecisions();
        } else {
            request.sendToArbitration();
        }
        return fits;
    }

    public void approve(Long requestId, String key, String author) {
        ledger.postCommitments(requestId, key, author);
        request(requestId).approve();
    }

    public void sendBackForRevision(Long requestId, String key, String author) {
        ledger.voidReservations(requestId, key, author);
        request(requestId).sendBackForRevision();
    }

    public void reject(Long requestId, String key, String author) {
        ledger.voidReservations(requestId, key, author);
        request(requestId).reject();
    }

    /** No complements arrived before the deadline: the request lapses. */
    public void lapse(Long requestId, String key, String author) {
        ledger.voidReservations(requestId, key, author);
        request(requestId).lapse();
    }

    /** Cancelled before its convention: reservations voided, commitments not yet paid released. */
    public void cancel(Long requestId, String key, String author) {
        ledger.voidReservations(requestId, key, author);
        ledger.releaseCommitments(requestId, key, author);
        request(requestId).cancel();
    }

    /** The convention is signed: the request is contracted and its tranches scheduled. */
    public void contract(Long requestId, String author) {
        contract(requestId, author, List.of());
    }

    /**
     * The convention is signed, on the schedule the parties agreed (the standard one when none): the request is
     * contracted and its tranches scheduled. The officer's answer signs it; the process's step after it finds it
     * signed and leaves it so.
     */
    public void contract(Long requestId, String author, List<TrancheTerms> schedule) {
        FundingRequest request = request(requestId);
        if (request.status() == RequestStatus.CONTRACTED) {
            return;
        }
        request.signConvention(author, clock.instant(), LocalDate.now(clock.withZone(PARIS)), schedule);
        requests.flush();
    }

    /** The tranches of a contracted request, in their order: one disbursement sub-process each. */
    public List<Long> trancheIds(Long requestId) {
        return request(requestId).tranches().stream().map(Tranche::id).toList();
    }

    /** When the evidence of a tranche is due: the morning of its due day, Paris time. */
    public Date trancheDue(Long trancheId) {
        Tranche tranche = requests.findTranche(trancheId)
                .orElseThrow(() -> new NotFoundException("no tranche " + trancheId));
        return Date.from(tranche.dueOn().atTime(9, 0).atZone(PARIS).toInstant());
    }

    /** The funders whose share of the tranche awaits their finance's answer. */
    public List<Long> fundersToPay(Long trancheId) {
        return ledger.fundersToPay(trancheId);
    }

    /** Whether every funder paid its share of the tranche. */
    public boolean tranchePaid(Long trancheId) {
        return requests.findTranche(trancheId).map(t -> t.status() == Tranche.Status.PAID)
                .orElseThrow(() -> new NotFoundException("no tranche " + trancheId));
    }

    /**
     * The booking step of the model's first version, still run by its instances: their validation paid every
     * funder's share already, so the tranche must be paid by now.
     */
    public void confirmTranchePaid(Long trancheId) {
        if (!tranchePaid(trancheId)) {
            throw new IllegalStateException("tranche " + trancheId + " reached its booking step unpaid");
        }
    }

    /** Every tranche paid: the undisbursed rest goes back to the envelopes and the request is closed. */
    public void close(Long requestId, String key, String author) {
        ledger.closeCommitments(requestId, key, author);
        request(requestId).close();
    }

    /** The organisations that owe a decision: one each, but those whose approval of an unchanged part stands. */
    public List<Long> fundersToDecide(Long requestId) {
        return decisionsNow(requestId).toDecide();
    }

    /**
     * Why the request, as its plan now stands, breaks the call's rules (the {@code eligibility} decision deployed
     * with the process that runs it); empty when it keeps them.
     */
    public List<String> eligibilityReasons(Long requestId, String processDefinitionId) {
        return rules.eligibilityReasons(request(requestId).eligibilityFacts(), processDefinitionId);
    }

    /**
     * The committee levels of the organisation that decide on its part of the request, in order: the
     * {@code committee-level} decision deployed with the process that runs it, by the organisation's kind and the
     * amount it is asked.
     */
    public List<String> committeeLevels(Long requestId, Long organisationId, String processDefinitionId) {
        FundingRequest request = request(requestId);
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(() -> new NotFoundException("no organisation " + organisationId));
        List<String> levels = rules.committeeLevels(organisation.kind(),
                request.financingPlan().amountFundedBy(organisationId),
                processDefinitionId);
        if (levels.isEmpty()) {
            throw new IllegalStateException("the committee-level decision names no level for " + organisation.kind());
        }
        return levels;
    }

    /** Whether the organisation's chain of levels stops: its latest decision is not an approval. */
    public boolean stoppedAt(Long requestId, Long organisationId) {
        return decisionsNow(requestId).stoppedFor(organisationId);
    }

    public boolean allApproved(Long requestId) {
        return decisionsNow(requestId).allApproved();
    }

    public boolean anyRejected(Long requestId) {
        return decisionsNow(requestId).anyRejected();
    }

    /** The funders' decisions as committed now: parallel decisions join on what each other wrote. */
    private FunderDecisions decisionsNow(Long requestId) {
        return request(requestId).funderDecisions(requests.decisionsOf(requestId));
    }

    private FundingRequest request(Long requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("no request " + requestId));
    }
}
