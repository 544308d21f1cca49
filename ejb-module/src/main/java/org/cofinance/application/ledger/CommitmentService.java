package org.cofinance.application.ledger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.ledger.Recovery;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Commitments after their posting: disbursements asked by officers and validated by finance (never the same person),
 * within the year's payment credits; recoveries of money paid (ordres de reversement), issued and received by the
 * funder's finance; and closing, which releases what was not paid to the envelope.
 */
@Stateless
public class CommitmentService {

    private final CommitmentRepository commitments;
    private final EnvelopeRepository envelopes;
    private final LedgerEntryRepository entries;
    private final FundingRequestRepository requests;
    private final Callers callers;
    private final IdempotencyStore idempotency;
    private final PaymentCreditControl credits;
    private final Clock clock;

    @Inject
    public CommitmentService(CommitmentRepository commitments, EnvelopeRepository envelopes,
                             LedgerEntryRepository entries, FundingRequestRepository requests, Callers callers,
                             IdempotencyStore idempotency, PaymentCreditControl credits, Clock clock) {
        this.commitments = commitments;
        this.envelopes = envelopes;
        this.entries = entries;
        this.requests = requests;
        this.callers = callers;
        this.idempotency = idempotency;
        this.credits = credits;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected CommitmentService() {
        this(null, null, null, null, null, null, null, null);
    }

    /** A payment an officer asks: how much, on what evidence, in advance of which tranche of the schedule. */
    public record DisbursementAsk(@Schema(ref = "Money") String amount, String evidence, Long trancheId) {
    }

    public CommitmentDetail get(Long commitmentId) {
        Commitment commitment = visible(callers.current(), find(commitmentId));
        return detail(commitment);
    }

    /** A tranche awaiting finance's validation, with what the queue shows of its request and envelope. */
    public record PendingDisbursement(DisbursementView disbursement, Long requestId, String requestReference,
                                      String requestTitle, String envelopeCode, Long organisationId,
                                      String committed, String disbursed) implements Serializable {
    }

    /** The validation queue of a finance team: the payments asked on its organisation's commitments, oldest first. */
    public List<PendingDisbursement> awaitingValidation() {
        Caller caller = callers.current().require(Role.FINANCE);
        return commitments.awaitingValidation(500).stream()
                .filter(d -> caller.actsFor(d.commitment().organisationId()))
                .map(d -> {
                    Commitment c = d.commitment();
                    FundingRequest request = requests.find(c.requestId()).orElseThrow();
                    return new PendingDisbursement(DisbursementView.of(d), c.requestId(), request.reference(),
                            request.project().title(), c.envelope().code(), c.organisationId(),
                                    c.committed().toPlainString(),
                            c.disbursed().toPlainString());
                }).toList();
    }

    /**
     * An officer asks, on evidence, for part of a commitment to be paid in advance of a tranche of the signed schedule
     * (the tranche's share of that funder is lowered by as much); nothing moves until the funder's finance validates
     * it. The request must be CONTRACTED and the tranche its own and not yet paid (409 otherwise).
     */
    public DisbursementView requestDisbursement(Long commitmentId, DisbursementAsk ask, String idempotencyKey) {
        Caller caller = callers.current().require(Role.OFFICER);
        String operation = "request-disbursement:" + commitmentId;
        Optional<DisbursementView> first = idempotency.replayed(caller.username(), idempotencyKey, operation, ask,
                id -> DisbursementView.of(commitments.findDisbursement(id).orElseThrow()));
        if (first.isPresent()) {
            return first.get();
        }
        List<Violation> violations = new ArrayList<>();
        Money amount = Inputs.money(ask.amount(), "amount", violations);
        if (ask.evidence() == null || ask.evidence().isBlank() || ask.evidence().length() > 1000) {
            violations.add(new Violation("evidence", "is required: what proves the payment is due, at most 1000 "
                    + "characters"));
        }
        if (ask.trancheId() == null) {
            violations.add(new Violation("trancheId", "is required: the tranche of the signed schedule it advances"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Commitment commitment = find(commitmentId);
        requireSignedConvention(commitment);
        Tranche tranche = requests.findTranche(ask.trancheId()).filter(t -> t.request().id()
                .equals(commitment.requestId())).orElseThrow(() -> ValidationException.of("trancheId",
                "is a tranche of this commitment's request"));
        if (tranche.status() == Tranche.Status.PAID) {
            throw new DomainException("tranche " + tranche.label() + " is paid already: ask on a later one");
        }
        commitments.lock(commitment);
        Disbursement disbursement = Disbursement.inAdvanceOf(tranche.id(), commitment, amount,
                commitments.pendingOf(commitment), ask.evidence().strip(), caller.username(), clock.instant());
        commitments.add(disbursement);
        if (idempotencyKey != null) {
            idempotency.remember(caller.username(), idempotencyKey, operation, ask, 201, disbursement.id());
        }
        return DisbursementView.of(disbursement);
    }

    /** Finance validates a tranche: it is paid out of the commitment, as a DISBURSE entry. */
    public DisbursementView validateDisbursement(Long commitmentId, Long disbursementId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Disbursement disbursement = disbursement(commitmentId, disbursementId);
        visible(caller, disbursement.commitment());
        requireAskedOutsideSchedule(disbursement);
        requireSignedConvention(disbursement.commitment());
        envelopes.lockChains(List.of(disbursement.commitment().envelope()));
        commitments.lock(disbursement);
        Instant now = clock.instant();
        credits.checkPayment(disbursement.commitment().envelope(), disbursement.amount(), now);
        entries.record(disbursement.pay(caller.username(), new Movement(caller.username(), now,
                "disbursement:" + disbursementId + ":pay", disbursement.evidence())));
        return DisbursementView.of(disbursement);
    }

    /** A tranche's share is answered from its funder's task in the workflow, not from the queue of asked payments. */
    private static void requireAskedOutsideSchedule(Disbursement disbursement) {
        if (disbursement.isTrancheShare()) {
            throw new DomainException("this payment is a funder's share of tranche " + disbursement.trancheId()
                    + ": its finance answers it from its task list");
        }
    }

    /** Money is paid only under a signed convention: the request is CONTRACTED (409 otherwise). */
    private void requireSignedConvention(Commitment commitment) {
        RequestStatus status = requests.find(commitment.requestId()).map(FundingRequest::status).orElse(null);
        if (status != RequestStatus.CONTRACTED) {
            throw new DomainException("no payment outside a signed convention: the request is " + status
                    + ", not CONTRACTED");
        }
    }

    public DisbursementView refuseDisbursement(Long commitmentId, Long disbursementId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Disbursement disbursement = disbursement(commitmentId, disbursementId);
        visible(caller, disbursement.commitment());
        requireAskedOutsideSchedule(disbursement);
        commitments.lock(disbursement);
        disbursement.refuse(caller.username(), clock.instant());
        return DisbursementView.of(disbursement);
    }

    /** What the funder's finance asks back, and why. */
    public record RecoveryAsk(@Schema(ref = "Money") String amount, String reason) {
    }

    /**
     * The funder's finance issues a recovery (ordre de reversement) on money paid on the commitment: at most what was
     * paid and is neither recovered nor asked back already (409 otherwise). Nothing moves until it is received.
     */
    public RecoveryView issueRecovery(Long commitmentId, RecoveryAsk ask, String idempotencyKey) {
        Caller caller = callers.current().require(Role.FINANCE);
        String operation = "issue-recovery:" + commitmentId;
        Optional<RecoveryView> first = idempotency.replayed(caller.username(), idempotencyKey, operation, ask,
                id -> RecoveryView.of(commitments.findRecovery(id).orElseThrow()));
        if (first.isPresent()) {
            return first.get();
        }
        List<Violation> violations = new ArrayList<>();
        Money amount = Inputs.money(ask.amount(), "amount", violations);
        if (ask.reason() == null || ask.reason().isBlank() || ask.reason().length() > 1000) {
            violations.add(new Violation("reason", "is required: why the money is due back, at most 1000 "
                    + "characters"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Commitment commitment = visible(caller, find(commitmentId));
        commitments.lock(commitment);
        Recovery recovery = new Recovery(commitment, amount, commitments.outstandingRecoveriesOf(commitment),
                ask.reason(), caller.username(), clock.instant());
        commitments.add(recovery);
        if (idempotencyKey != null) {
            idempotency.remember(caller.username(), idempotencyKey, operation, ask, 201, recovery.id());
        }
        return RecoveryView.of(recovery);
    }

    /**
     * The money asked back came in: a RECOVER entry lowers what the commitment and its envelopes paid; the amount is
     * never paid again, and goes back to the envelope when the commitment is closed.
     */
    public RecoveryView receiveRecovery(Long commitmentId, Long recoveryId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Recovery recovery = recovery(caller, commitmentId, recoveryId);
        envelopes.lockChains(List.of(recovery.commitment().envelope()));
        commitments.lock(recovery.commitment());
        commitments.lock(recovery);
        recovery.received(new Movement(caller.username(), clock.instant(), "recovery:" + recoveryId + ":received",
                recovery.reason())).forEach(entries::record);
        return RecoveryView.of(recovery);
    }

    /** The recovery is withdrawn before the money came back: nothing moves. */
    public RecoveryView cancelRecovery(Long commitmentId, Long recoveryId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Recovery recovery = recovery(caller, commitmentId, recoveryId);
        commitments.lock(recovery);
        recovery.cancel(caller.username(), clock.instant());
        return RecoveryView.of(recovery);
    }

    private Recovery recovery(Caller caller, Long commitmentId, Long recoveryId) {
        Recovery recovery = commitments.findRecovery(recoveryId).orElse(null);
        if (recovery == null || !recovery.commitment().id().equals(commitmentId)) {
            throw new NotFoundException("no recovery " + recoveryId + " on commitment " + commitmentId);
        }
        visible(caller, recovery.commitment());
        return recovery;
    }

    /** Closes a commitment (FINANCE): the undisbursed rest goes back to the envelope (dégagement). */
    public CommitmentDetail close(Long commitmentId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Commitment commitment = visible(caller, find(commitmentId));
        envelopes.lockChains(List.of(commitment.envelope()));
        commitments.lock(commitment);
        if (commitments.pendingOf(commitment).isPositive()) {
            throw new DomainException(
                    "commitment " + commitmentId + " has a disbursement awaiting validation");
        }
        commitment.close(new Movement(caller.username(), clock.instant(), "commitment:" + commitmentId + ":close",
                "closing: undisbursed rest released")).forEach(entries::record);
        return detail(commitment);
    }

    /**
     * The commitment, when the caller may see it: an officer or an administrator any, an approver or a finance team
     * its organisation's (404 otherwise, as if it did not exist).
     */
    private static Commitment visible(Caller caller, Commitment commitment) {
        if (!caller.seesAllOrganisations() && !caller.actsFor(commitment.organisationId())) {
            throw new NotFoundException("no commitment " + commitment.id());
        }
        return commitment;
    }

    private CommitmentDetail detail(Commitment commitment) {
        return new CommitmentDetail(CommitmentView.of(commitment), commitment.requestId(),
                commitments.disbursementsOf(commitment).stream().map(DisbursementView::of).toList(),
                commitments.recoveriesOf(commitment).stream().map(RecoveryView::of).toList());
    }

    private Disbursement disbursement(Long commitmentId, Long disbursementId) {
        Disbursement disbursement = commitments.findDisbursement(disbursementId).orElse(null);
        if (disbursement == null || !disbursement.commitment().id().equals(commitmentId)) {
            throw new NotFoundException("no disbursement " + disbursementId + " on commitment " + commitmentId);
        }
        return disbursement;
    }

    private Commitment find(Long commitmentId) {
        return commitments.find(commitmentId).orElseThrow(() -> new NotFoundException("no commitment " + commitmentId));
    }

}
