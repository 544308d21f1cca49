package org.cofinance.application.request;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.cofinance.application.ledger.LedgerService;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;

/**
 * The steps the funding-request process takes on a request: each moves its money and its status together, in the
 * transaction of the process step; and what the process's conditions and collections ask of a request.
 */
@Stateless
public class RequestWorkflowService {

    @PersistenceContext
    private EntityManager em;


    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @EJB
    private LedgerService ledger;

    @Inject
    private Clock clock;

    @Inject
    private DeployedDecisions deployedDecisions;

    @Inject
    private DecisionService decisionService;

    /**
     * Checks the request against the call's rules (the {@code eligibility} decision deployed with the process that
     * runs it); an ineligible request is closed with every broken rule as a reason.
     *
     * @return whether the request is eligible
     */
    public boolean checkEligibility(Long requestId, String processDefinitionId) {
        FundingRequest request = request(requestId);
        List<String> reasons = eligibilityReasons(requestId, processDefinitionId);
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
        boolean fits = ledger.reservePlan(requestId, key, author);
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
        request(requestId).signConvention(author, clock.instant(), LocalDate.now(clock.withZone(PARIS)));
        em.flush();
    }

    /** The tranches of a contracted request, in their order: one disbursement sub-process each. */
    public List<Long> trancheIds(Long requestId) {
        return request(requestId).tranches().stream().map(Tranche::id).toList();
    }

    /** When the evidence of a tranche is due: the morning of its due day, Paris time. */
    public Date trancheDue(Long trancheId) {
        return Date.from(em.find(Tranche.class, trancheId).dueOn().atTime(9, 0).atZone(PARIS).toInstant());
    }

    public void payTranche(Long trancheId, String key) {
        ledger.payTranche(trancheId, key);
    }

    /** Every tranche paid: the undisbursed rest goes back to the envelopes and the request is closed. */
    public void close(Long requestId, String key, String author) {
        ledger.closeCommitments(requestId, key, author);
        request(requestId).close();
    }

    /** The organisations that owe a decision: one each, but those whose approval of an unchanged part stands. */
    public List<Long> fundersToDecide(Long requestId) {
        return request(requestId).fundersToDecide();
    }

    /**
     * Why the request, as its plan now stands, breaks the call's rules (the {@code eligibility} decision deployed
     * with the process that runs it); empty when it keeps them.
     */
    public List<String> eligibilityReasons(Long requestId, String processDefinitionId) {
        return decisionService.evaluateDecisionTableById(deployedDecisions.of(FundingRequestProcess.ELIGIBILITY_DECISION, processDefinitionId),
                request(requestId).eligibilityFacts().asVariables()).collectEntries("reason");
    }

    /**
     * The committee levels of the organisation that decide on its part of the request, in order: the
     * {@code committee-level} decision deployed with the process that runs it, by the organisation's kind and the
     * amount it is asked.
     */
    public List<String> committeeLevels(Long requestId, Long organisationId, String processDefinitionId) {
        FundingRequest request = request(requestId);
        Organisation organisation = em.find(Organisation.class, organisationId);
        List<String> levels = decisionService.evaluateDecisionTableById(deployedDecisions.of(FundingRequestProcess.COMMITTEE_LEVEL_DECISION,
                        processDefinitionId), Variables.createVariables()
                        .putValue("organisationKind", organisation.kind().name())
                        .putValue("amountCents", request.amountFundedBy(organisationId).toCents()))
                .collectEntries(FundingRequestProcess.LEVEL);
        if (levels.isEmpty()) {
            throw new IllegalStateException("the committee-level decision names no level for " + organisation.kind());
        }
        return levels;
    }

    /** Whether the organisation's chain of levels stops: its latest decision is not an approval. */
    public boolean stoppedAt(Long requestId, Long organisationId) {
        return request(requestId).decisionStoppedFor(organisationId);
    }

    public boolean allApproved(Long requestId) {
        return request(requestId).isApprovedByAllFunders();
    }

    public boolean anyRejected(Long requestId) {
        return request(requestId).hasRejection();
    }

    private FundingRequest request(Long requestId) {
        FundingRequest request = em.find(FundingRequest.class, requestId);
        if (request == null) {
            throw new NotFoundException("no request " + requestId);
        }
        return request;
    }
}
