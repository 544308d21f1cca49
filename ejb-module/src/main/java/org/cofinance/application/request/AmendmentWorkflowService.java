package org.cofinance.application.request;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.AmendmentChange;
import org.cofinance.domain.model.request.AmendmentRepository;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.shared.Money;

/**
 * What the amendment process asks and does: who decides (the funders whose commitments change, at the committee
 * levels their new amounts call for), their answers recorded, and the amendment applied — increases posted, decreases
 * released, the plan changed — or rejected, its increases voided. Each step in the transaction of the process step.
 */
@Stateless
public class AmendmentWorkflowService {

    private final AmendmentRepository amendments;
    private final FundingRequestRepository requests;
    private final OrganisationRepository organisations;
    private final CommitmentRepository commitments;
    private final EnvelopeRepository envelopes;
    private final LedgerEntryRepository entries;
    private final RequestRules rules;
    private final Clock clock;

    @Inject
    public AmendmentWorkflowService(AmendmentRepository amendments, FundingRequestRepository requests,
                                    OrganisationRepository organisations, CommitmentRepository commitments,
                                    EnvelopeRepository envelopes, LedgerEntryRepository entries, RequestRules rules,
                                    Clock clock) {
        this.amendments = amendments;
        this.requests = requests;
        this.organisations = organisations;
        this.commitments = commitments;
        this.envelopes = envelopes;
        this.entries = entries;
        this.rules = rules;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected AmendmentWorkflowService() {
        this(null, null, null, null, null, null, null, null);
    }

    public List<Long> fundersToDecide(Long amendmentId) {
        return amendment(amendmentId).funders();
    }

    /**
     * The committee levels of the funder that decide the amendment, in order: the {@code committee-level} decision
     * deployed with the amendment's process, by the funder's kind and the amount the amendment would make its part.
     */
    public List<String> committeeLevels(Long amendmentId, Long organisationId, String processDefinitionId) {
        Amendment amendment = amendment(amendmentId);
        Organisation organisation = organisations.find(organisationId)
                .orElseThrow(() -> new NotFoundException("no organisation " + organisationId));
        Money now = amendment.request().financingPlan().amountFundedBy(organisationId);
        List<String> levels = rules.committeeLevels(organisation.kind(), amendment.newAmountOf(organisationId, now),
                processDefinitionId);
        if (levels.isEmpty()) {
            throw new IllegalStateException("the committee-level decision names no level for " + organisation.kind());
        }
        return levels;
    }

    public boolean stoppedAt(Long amendmentId, Long organisationId) {
        return amendment(amendmentId).stoppedFor(organisationId);
    }

    public boolean anyRejected(Long amendmentId) {
        return amendment(amendmentId).anyRejected();
    }

    /**
     * A funder's approver answers at a level (from its task): the amendment's row is locked, so that answers are
     * taken one at a time; the database keeps one answer per person and funder too.
     */
    public void decide(Long amendmentId, Long organisationId, String level, DecisionOutcome outcome, String comment,
                       String author, String taskId) {
        Amendment amendment = amendments.lock(amendmentId)
                .orElseThrow(() -> new NotFoundException("no amendment " + amendmentId));
        amendment.recordDecision(organisationId, level, outcome, comment, author, clock.instant(), taskId);
        amendments.flush();
    }

    /** Whether the person may take a level of the funder on the amendment (claiming its task). */
    public void checkMayDecide(Long amendmentId, Long organisationId, String author) {
        amendment(amendmentId).checkMayDecide(organisationId, author);
    }

    /** Every funder approved: increases posted, decreases released, the plan and the eligible cost changed. */
    public void apply(Long amendmentId, String author) {
        Amendment amendment = locked(amendmentId);
        if (amendment.status() != Amendment.Status.PENDING) {
            return;
        }
        List<AmendmentChange> changes = amendment.changes().stream().filter(AmendmentChange::isFunderChange).toList();
        List<Commitment> changed = lockedCommitments(changes);
        Instant now = clock.instant();
        for (int i = 0; i < changes.size(); i++) {
            AmendmentChange change = changes.get(i);
            Movement movement = new Movement(author, now, "amendment:" + amendmentId + ":commitment:"
                    + change.commitmentId() + (change.isIncrease() ? ":post" : ":release"),
                    "amendment " + amendmentId + " approved: " + amendment.reason());
            entries.record(change.isIncrease() ? changed.get(i).postIncrease(movement)
                    : changed.get(i).decrease(change.difference(), movement));
        }
        amendment.approve(now);
    }

    /** A funder refused: the increases held go back to their envelopes; nothing else changes. */
    public void reject(Long amendmentId, String author) {
        Amendment amendment = locked(amendmentId);
        if (amendment.status() != Amendment.Status.PENDING) {
            return;
        }
        List<AmendmentChange> increases = amendment.changes().stream()
                .filter(c -> c.isFunderChange() && c.isIncrease()).toList();
        List<Commitment> raised = lockedCommitments(increases);
        Instant now = clock.instant();
        for (int i = 0; i < increases.size(); i++) {
            entries.record(raised.get(i).voidIncrease(new Movement(author, now, "amendment:" + amendmentId
                    + ":commitment:" + increases.get(i).commitmentId() + ":void",
                    "amendment " + amendmentId + " rejected")));
        }
        amendment.reject(now);
    }

    /** The request first, then the amendment: the order every movement of a request's money locks in. */
    private Amendment locked(Long amendmentId) {
        Amendment amendment = amendment(amendmentId);
        requests.lock(amendment.request().id());
        return amendments.lock(amendmentId).orElseThrow();
    }

    private List<Commitment> lockedCommitments(List<AmendmentChange> changes) {
        List<Commitment> locked = changes.stream().map(c -> commitments.find(c.commitmentId()).orElseThrow())
                .toList();
        envelopes.lockChains(locked.stream().map(Commitment::envelope).toList());
        locked.forEach(commitments::lock);
        return locked;
    }

    private Amendment amendment(Long amendmentId) {
        return amendments.find(amendmentId).orElseThrow(() -> new NotFoundException("no amendment " + amendmentId));
    }

    /** Whether an amendment of the request awaits its funders. */
    public boolean pendingOn(Long requestId) {
        return amendments.pendingOf(requestId).isPresent();
    }
}
