package org.cofinance.application.request;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.Recovery;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.AmendmentRepository;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.RequestSearch;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/**
 * Registers, revises, submits, cancels and shows funding requests: each use case checks the caller, loads the request,
 * calls the domain and stores it.
 */
@Stateless
public class FundingRequestService {

    private static final String CREATE_OPERATION = "create-request";

    private final FundingRequestRepository requests;
    private final CommitmentRepository commitments;
    private final AmendmentRepository amendments;
    private final RequestDrafts drafts;
    private final RequestProcess process;
    private final RequestWorkflowService workflow;
    private final Callers callers;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    @Inject
    public FundingRequestService(FundingRequestRepository requests, CommitmentRepository commitments,
                                 AmendmentRepository amendments, RequestDrafts drafts, RequestProcess process, RequestWorkflowService workflow,
                                 Callers callers, IdempotencyStore idempotency, Clock clock) {
        this.requests = requests;
        this.commitments = commitments;
        this.amendments = amendments;
        this.drafts = drafts;
        this.process = process;
        this.workflow = workflow;
        this.callers = callers;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected FundingRequestService() {
        this(null, null, null, null, null, null, null, null, null);
    }

    /** The id of the new draft, or of the draft the same Idempotency-Key created before. */
    public Created create(NewRequest command, String idempotencyKey) {
        Caller caller = callers.current().require(Role.OFFICER);
        if (idempotencyKey != null) {
            Optional<Long> first = idempotency.replay(caller.username(), idempotencyKey, CREATE_OPERATION, command);
            if (first.isPresent()) {
                return new Created(first.get(), false);
            }
        }
        Programme programme = instructedProgramme(caller, command);
        FundingRequest request = new FundingRequest(
                requests.nextReference(Year.now(clock.withZone(ZoneOffset.UTC)).getValue()), programme,
                drafts.project(command), drafts.planLines(command), drafts.impactTargets(command), caller.username(),
                clock.instant());
        requests.add(request);
        if (idempotencyKey != null) {
            idempotency.remember(caller.username(), idempotencyKey, CREATE_OPERATION, command, 201, request.id());
        }
        return new Created(request.id(), true);
    }

    public record Created(Long id, boolean isNew) {
    }

    /**
     * The programme the command names, which the officer's organisation must operate (any officer's, while it has
     * no operator).
     */
    private Programme instructedProgramme(Caller caller, NewRequest command) {
        Programme programme = drafts.programme(command);
        if (!programme.isInstructedBy(caller.organisationId())) {
            throw ValidationException.of("programmeCode", "programme " + programme.code() + " is operated by "
                    + "another organisation: its officers register its requests");
        }
        return programme;
    }

    /**
     * Saves new contents over a draft; over the plan only of a request sent back for revision or in arbitration
     * (its project, as submitted, is kept whatever the command says).
     */
    public RequestView updatePlan(Long requestId, NewRequest command) {
        Caller caller = callers.current().require(Role.OFFICER);
        FundingRequest request = find(requestId);
        if (request.status() == RequestStatus.DRAFT) {
            request.revise(instructedProgramme(caller, command), drafts.project(command), drafts.planLines(command),
                    drafts.impactTargets(command), clock.instant());
        } else {
            request.revise(request.programme(), request.details(), drafts.planLines(command),
                    request.impactTargets(), clock.instant());
        }
        requests.flush();
        return view(request);
    }

    /** Submits the draft and starts its workflow, in one transaction. */
    public RequestView submit(Long requestId) {
        Caller caller = callers.current().require(Role.OFFICER);
        FundingRequest request = find(requestId);
        request.submit(caller.username(), clock.instant());
        requests.flush();
        request.startedProcess(process.start(request.reference(), request.id(), request.programme().code(),
                caller.username()));
        return view(request);
    }

    /**
     * Cancels a request at any stage before its convention: a draft directly, a running request through its
     * process, which voids its reservations and releases its unpaid commitments.
     */
    public RequestView cancel(Long requestId, String reason) {
        Caller caller = callers.current().require(Role.OFFICER);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw ValidationException.of("reason", "is required, at most 1000 characters");
        }
        FundingRequest request = find(requestId);
        if (request.status() == RequestStatus.DRAFT) {
            request.cancel();
            return view(request);
        }
        if (!request.status().canMoveTo(RequestStatus.CANCELLED)) {
            throw new DomainException("request " + request.reference() + " is " + request.status()
                    + " and can no longer be cancelled");
        }
        if (request.processInstanceId() != null && process.isRunning(request.processInstanceId())) {
            process.cancel(request.processInstanceId(), caller.username());
        } else {
            // approved, its process done, no convention yet: the same cancellation, without a process
            workflow.cancel(request.id(), "request:" + request.id() + ":cancel", caller.username());
        }
        return view(request);
    }

    public RequestView get(Long requestId) {
        Caller caller = callers.current();
        FundingRequest request = requests.findWithPlan(requestId)
                .orElseThrow(() -> new NotFoundException("no request " + requestId));
        if (!caller.sees(request)) {
            throw new NotFoundException("no request " + requestId);
        }
        return view(request);
    }

    public Page<RequestView> list(String status, String territory, Paging paging) {
        return search(new RequestCriteria(null, status, territory, null, null, null, null), paging);
    }

    /** The requests the caller may see that match, newest first; an approver sees those his organisation funds. */
    public Page<RequestView> search(RequestCriteria criteria, Paging paging) {
        Caller caller = callers.current();
        List<Violation> violations = new ArrayList<>();
        RequestStatus status = RequestCriteria.given(criteria.status())
                ? Inputs.parseEnum(RequestStatus.class, criteria.status(), "status", violations) : null;
        Theme theme = RequestCriteria.given(criteria.theme())
                ? Inputs.parseEnum(Theme.class, criteria.theme(), "theme", violations) : null;
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        RequestSearch search = new RequestSearch(RequestCriteria.given(criteria.programme())
                ? criteria.programme().strip() : null, status, theme, criteria.territory(), criteria.envelopeCode(),
                criteria.funderId(), criteria.text(), caller.seesAllOrganisations() ? null : caller.organisationId());
        List<FundingRequest> found = requests.search(search, paging.offset(), paging.size());
        List<Long> ids = found.stream().map(FundingRequest::id).toList();
        Map<Long, List<Commitment>> committed = commitments.ofRequests(ids).stream()
                .collect(Collectors.groupingBy(Commitment::requestId));
        Map<Long, List<Disbursement>> paid = commitments.paidSharesOfRequests(ids).stream()
                .collect(Collectors.groupingBy(d -> d.commitment().requestId()));
        Map<Long, List<Recovery>> recoveries = commitments.recoveriesOfRequests(ids).stream()
                .collect(Collectors.groupingBy(r -> r.commitment().requestId()));
        Map<Long, List<Amendment>> amended = amendments.ofRequests(ids).stream()
                .collect(Collectors.groupingBy(a -> a.request().id()));
        List<RequestView> items = found.stream().map(r -> RequestView.of(r,
                committed.getOrDefault(r.id(), List.of()), paid.getOrDefault(r.id(), List.of()),
                recoveries.getOrDefault(r.id(), List.of()), amended.getOrDefault(r.id(), List.of()))).toList();
        return new Page<>(items, requests.count(search));
    }

    private FundingRequest find(Long requestId) {
        return requests.find(requestId).orElseThrow(() -> new NotFoundException("no request " + requestId));
    }

    /** The request with what its page shows: its commitments, paid shares, recoveries and amendments. */
    private RequestView view(FundingRequest request) {
        return RequestView.of(request, commitments.ofRequest(request.id()),
                commitments.paidSharesOfRequest(request.id()),
                commitments.recoveriesOfRequests(List.of(request.id())), amendments.ofRequest(request.id()));
    }
}
