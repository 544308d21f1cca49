package org.cofinance.application.request;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.InsufficientFundsException;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.AmendmentChange;
import org.cofinance.domain.model.request.AmendmentRepository;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Amendments (avenants) of a signed convention, filed by an officer: the plan as it should become is checked (same
 * lines, balanced, the call's rules kept, never below what was paid), its increases are reserved on their commitments
 * at once, and its process asks each funder concerned; the process then applies or rejects it through
 * {@link AmendmentWorkflowService}.
 */
@Stateless
public class AmendmentService {

    private final FundingRequestRepository requests;
    private final AmendmentRepository amendments;
    private final CommitmentRepository commitments;
    private final EnvelopeRepository envelopes;
    private final LedgerEntryRepository entries;
    private final RequestDrafts drafts;
    private final RequestRules rules;
    private final RequestProcess process;
    private final Callers callers;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    @Inject
    public AmendmentService(FundingRequestRepository requests, AmendmentRepository amendments,
                            CommitmentRepository commitments, EnvelopeRepository envelopes,
                            LedgerEntryRepository entries, RequestDrafts drafts, RequestRules rules,
                            RequestProcess process, Callers callers, IdempotencyStore idempotency, Clock clock) {
        this.requests = requests;
        this.amendments = amendments;
        this.commitments = commitments;
        this.envelopes = envelopes;
        this.entries = entries;
        this.drafts = drafts;
        this.rules = rules;
        this.process = process;
        this.callers = callers;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected AmendmentService() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** What the officer files: why, the eligible cost when it changes, and the whole plan as it should become. */
    public record AmendmentCommand(String reason, @Schema(ref = "Money") String eligibleCost,
                                   List<NewRequest.Line> plan) {
    }

    /**
     * Files an amendment of a CONTRACTED request (OFFICER).
     *
     * @throws ValidationException (400) naming what is wrong with the plan, the reason or the eligible cost
     * @throws DomainException (409) when the request is not contracted, an amendment is pending, or an envelope cannot
     *                         hold an increase; nothing is filed then
     */
    public AmendmentView file(Long requestId, AmendmentCommand command, String idempotencyKey) {
        Caller caller = callers.current().require(Role.OFFICER);
        String operation = "file-amendment:" + requestId;
        Optional<AmendmentView> first = idempotency.replayed(caller.username(), idempotencyKey, operation, command,
                id -> AmendmentView.of(amendments.find(id).orElseThrow()));
        if (first.isPresent()) {
            return first.get();
        }
        requests.lock(requestId);
        FundingRequest request = requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("no request " + requestId));
        List<Violation> violations = new ArrayList<>();
        if (command.reason() == null || command.reason().isBlank() || command.reason().length() > 1000) {
            violations.add(new Violation("reason", "is required: why the convention changes, at most 1000 characters"));
        }
        Money eligibleCost = command.eligibleCost() == null ? request.project().eligibleCost()
                : Inputs.money(command.eligibleCost(), "eligibleCost", violations);
        List<PlanLineDraft> lines = List.of();
        try {
            lines = drafts.planLines(NewRequest.ofLead(null, null, null, null, null,
                    command.plan() == null ? List.of() : command.plan()));
        } catch (ValidationException unreadable) {
            violations.addAll(unreadable.violations());
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        request.checkAmendable();
        if (amendments.pendingOf(requestId).isPresent()) {
            throw new DomainException("request " + request.reference() + " has an amendment awaiting its funders");
        }
        Amendment amendment = new Amendment(request, command.reason(), eligibleCost,
                changes(request, lines, eligibleCost), caller.username(), clock.instant());
        List<Commitment> raised = lockRaised(amendment);
        amendments.add(amendment);
        reserveIncreases(amendment, raised, caller.username());
        amendment.startedProcess(process.startAmendment(request.reference() + "-A" + amendment.id(), requestId,
                amendment.id(), request.programme().code(), caller.username()));
        if (idempotencyKey != null) {
            idempotency.remember(caller.username(), idempotencyKey, operation, command, 201, amendment.id());
        }
        return AmendmentView.of(amendment);
    }

    /** The request's amendments, for whoever may read the request. */
    public List<AmendmentView> ofRequest(Long requestId) {
        return amendments.ofRequest(requestId).stream().map(AmendmentView::of).toList();
    }

    /**
     * The lines whose amount changes, each funder's against its commitment; every rule the plan breaks is named at
     * once (400), the call's eligibility rules of the request's process included.
     */
    private List<AmendmentChange> changes(FundingRequest request, List<PlanLineDraft> lines, Money eligibleCost) {
        List<Violation> violations = new ArrayList<>(Amendment.violationsOf(request, lines, eligibleCost));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<String> reasons = rules.eligibilityReasons(Amendment.eligibilityFactsOf(request, lines, eligibleCost),
                process.definitionOf(request.processInstanceId()));
        if (!reasons.isEmpty()) {
            throw ValidationException.of("plan", "the amended plan breaks the call's rules " + reasons);
        }
        Map<Long, Commitment> byLine = commitments.ofRequest(request.id()).stream()
                .filter(c -> c.planLineId() != null)
                .collect(Collectors.toMap(Commitment::planLineId, Function.identity(), (a, b) -> b));
        List<AmendmentChange> changes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = request.plan().get(i);
            Money after = lines.get(i).amount();
            Commitment commitment = line.drawsOnEnvelope() ? byLine.get(line.id()) : null;
            Money before = commitment == null ? line.amount() : commitment.committed();
            if (before.equals(after)) {
                continue;
            }
            if (commitment != null) {
                Money paid = commitment.disbursed().plus(commitment.recovered());
                if (after.isLessThan(paid)) {
                    violations.add(new Violation("plan[" + i + "].amount", "is below the " + paid.toPlainString()
                            + " EUR already paid on this commitment"));
                }
            }
            changes.add(new AmendmentChange(line.id(), line.organisation().id(),
                    commitment == null ? null : commitment.id(), before, after));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (changes.stream().noneMatch(AmendmentChange::isFunderChange)) {
            throw ValidationException.of("plan", "an amendment changes at least one funder's amount");
        }
        return changes;
    }

    private static List<AmendmentChange> increases(Amendment amendment) {
        return amendment.changes().stream().filter(c -> c.isFunderChange() && c.isIncrease()).toList();
    }

    /**
     * The commitments the amendment raises, their envelopes and rows locked, once it is known that every envelope
     * holds its increase (409 otherwise, nothing filed).
     */
    private List<Commitment> lockRaised(Amendment amendment) {
        List<AmendmentChange> increases = increases(amendment);
        List<Commitment> raised = increases.stream().map(c -> commitments.find(c.commitmentId()).orElseThrow())
                .toList();
        envelopes.lockChains(raised.stream().map(Commitment::envelope).toList());
        for (int i = 0; i < increases.size(); i++) {
            Commitment commitment = raised.get(i);
            commitments.lock(commitment);
            Money increase = increases.get(i).difference();
            for (Envelope e : commitment.envelope().chain()) {
                if (increase.isGreaterThan(e.available())) {
                    throw new InsufficientFundsException(e.code(), increase, e.available());
                }
            }
        }
        return raised;
    }

    /** Holds each increase on its commitment's envelope and its parents. */
    private void reserveIncreases(Amendment amendment, List<Commitment> raised, String author) {
        List<AmendmentChange> increases = increases(amendment);
        Instant now = clock.instant();
        for (int i = 0; i < increases.size(); i++) {
            Commitment commitment = raised.get(i);
            entries.record(commitment.reserveIncrease(increases.get(i).difference(), new Movement(author, now,
                    "amendment:" + amendment.id() + ":commitment:" + commitment.id() + ":reserve",
                    "amendment " + amendment.id() + ": " + amendment.reason())));
        }
    }
}
