package org.cofinance.application.request;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.request.ProjectDetails;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Theme;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/** Registers, submits and shows funding requests. */
@Stateless
public class FundingRequestService {

    private static final String CREATE_OPERATION = "create-request";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    @EJB
    private IdempotencyStore idempotency;

    @EJB
    private RequestWorkflowService workflow;

    @Inject
    private RuntimeService runtimeService;

    @Inject
    private IdentityService identityService;

    @Inject
    private Clock clock;

    /** The id of the new draft, or of the draft the same Idempotency-Key created before. */
    public Created create(NewRequest command, String idempotencyKey) {
        Caller caller = callers.current().require(Role.OFFICER);
        if (idempotencyKey != null) {
            Optional<Long> first = idempotency.replay(caller.username(), idempotencyKey, CREATE_OPERATION, command);
            if (first.isPresent()) {
                return new Created(first.get(), false);
            }
        }
        FundingRequest request = new FundingRequest(nextReference(), project(command), planLines(command),
                caller.username(), clock.instant());
        em.persist(request);
        em.flush();
        if (idempotencyKey != null) {
            idempotency.remember(caller.username(), idempotencyKey, CREATE_OPERATION, command, 201, request.id());
        }
        return new Created(request.id(), true);
    }

    public record Created(Long id, boolean isNew) {
    }

    /**
     * Saves new contents over a draft; over the plan only of a request sent back for revision or in arbitration
     * (its project, as submitted, is kept whatever the command says).
     */
    public RequestView updatePlan(Long requestId, NewRequest command) {
        callers.current().require(Role.OFFICER);
        FundingRequest request = find(requestId);
        request.revise(request.status() == RequestStatus.DRAFT ? project(command) : request.projectDetails(),
                planLines(command));
        em.flush();
        return view(request);
    }

    /** Submits the draft and starts its workflow, in one transaction. */
    public RequestView submit(Long requestId) {
        Caller caller = callers.current().require(Role.OFFICER);
        FundingRequest request = find(requestId);
        request.submit(caller.username(), clock.instant());
        em.flush();
        identityService.setAuthenticatedUserId(caller.username());
        try {
            String instance = runtimeService.startProcessInstanceByKey(FundingRequestProcess.KEY, request.reference(),
                    Map.of(FundingRequestProcess.REQUEST_ID, request.id())).getId();
            request.startedProcess(instance);
        } finally {
            identityService.clearAuthentication();
        }
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
            throw new org.cofinance.domain.model.shared.DomainException("request " + request.reference() + " is "
                    + request.status() + " and can no longer be cancelled");
        }
        boolean running = request.processInstanceId() != null && runtimeService.createProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).count() > 0;
        if (running) {
            identityService.setAuthenticatedUserId(caller.username());
            try {
                runtimeService.createMessageCorrelation(FundingRequestProcess.CANCEL_MESSAGE)
                        .processInstanceId(request.processInstanceId()).correlate();
            } finally {
                identityService.clearAuthentication();
            }
        } else {
            // approved, its process done, no convention yet: the same cancellation, without a process
            workflow.cancel(request.id(), "request:" + request.id() + ":cancel", caller.username());
        }
        return view(request);
    }

    public RequestView get(Long requestId) {
        Caller caller = callers.current();
        FundingRequest request = withPlan(requestId);
        if (!caller.sees(request)) {
            throw new NotFoundException("no request " + requestId);
        }
        return view(request);
    }

    public Page<RequestView> list(String status, String territory, Paging paging) {
        return search(new RequestCriteria(status, territory, null, null, null, null), paging);
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
        Map<String, Object> parameters = new java.util.HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (status != null) {
            where.append(" and r.status = :status");
            parameters.put("status", status);
        }
        if (theme != null) {
            where.append(" and r.theme = :theme");
            parameters.put("theme", theme);
        }
        if (RequestCriteria.given(criteria.territory())) {
            where.append(" and lower(r.territory) = lower(:territory)");
            parameters.put("territory", criteria.territory().strip());
        }
        if (RequestCriteria.given(criteria.envelopeCode())) {
            where.append(" and exists (select l from PlanLine l where l.request = r and l.envelope.code = :envelope)");
            parameters.put("envelope", criteria.envelopeCode().strip());
        }
        if (criteria.funderId() != null) {
            where.append(" and exists (select l from PlanLine l where l.request = r and l.organisation.id = :funder)");
            parameters.put("funder", criteria.funderId());
        }
        if (RequestCriteria.given(criteria.text())) {
            where.append(" and (lower(r.reference) like :text or lower(r.title) like :text"
                    + " or lower(r.territory) like :text)");
            parameters.put("text", "%" + likeEscaped(criteria.text().strip().toLowerCase(java.util.Locale.ROOT))
                    + "%");
        }
        if (!caller.seesAllOrganisations()) {
            where.append(" and exists (select l from PlanLine l where l.request = r and l.envelope is not null"
                    + " and l.organisation.id = :org)");
            parameters.put("org", caller.organisationId());
        }
        var query = em.createQuery("select r from FundingRequest r" + where + " order by r.id desc",
                FundingRequest.class);
        var count = em.createQuery("select count(r) from FundingRequest r" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<RequestView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList().stream().map(this::view).toList();
        return new Page<>(items, count.getSingleResult());
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    FundingRequest find(Long requestId) {
        FundingRequest request = requestId == null ? null : em.find(FundingRequest.class, requestId);
        if (request == null) {
            throw new NotFoundException("no request " + requestId);
        }
        return request;
    }

    /** The request with its lead and plan lines — their organisations and envelopes — read in one query. */
    private FundingRequest withPlan(Long requestId) {
        EntityGraph<FundingRequest> graph = em.createEntityGraph(FundingRequest.class);
        graph.addAttributeNodes("lead");
        graph.addSubgraph("plan").addAttributeNodes("organisation", "envelope");
        FundingRequest request = requestId == null ? null
                : em.find(FundingRequest.class, requestId, Map.of("jakarta.persistence.loadgraph", graph));
        if (request == null) {
            throw new NotFoundException("no request " + requestId);
        }
        return request;
    }

    RequestView view(FundingRequest request) {
        List<Commitment> commitments = em.createQuery(
                        "select c from Commitment c join fetch c.envelope where c.requestId = :r order by c.id",
                        Commitment.class)
                .setParameter("r", request.id()).getResultList();
        return RequestView.of(request, commitments);
    }

    private ProjectDetails project(NewRequest command) {
        List<Violation> violations = new ArrayList<>();
        Theme theme = command.theme() == null ? null : Inputs.parseEnum(Theme.class, command.theme(), "theme", violations);
        Organisation lead = command.leadOrganisationId() == null ? null
                : organisation(command.leadOrganisationId(), "leadOrganisationId", violations);
        Money cost = Inputs.money(command.eligibleCost(), "eligibleCost", violations);
        if (!violations.isEmpty()) {
            violations.addAll(planViolationsOfFormat(command));
            throw new ValidationException(violations);
        }
        return new ProjectDetails(command.title(), command.territory(), theme, lead, cost);
    }

    private List<Violation> planViolationsOfFormat(NewRequest command) {
        List<Violation> violations = new ArrayList<>();
        resolveLines(command, violations);
        return violations;
    }

    private List<PlanLineDraft> planLines(NewRequest command) {
        List<Violation> violations = new ArrayList<>();
        List<PlanLineDraft> lines = resolveLines(command, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return lines;
    }

    private List<PlanLineDraft> resolveLines(NewRequest command, List<Violation> violations) {
        List<PlanLineDraft> lines = new ArrayList<>();
        if (command.plan() == null) {
            return lines;
        }
        for (int i = 0; i < command.plan().size(); i++) {
            NewRequest.Line line = command.plan().get(i);
            String field = "plan[" + i + "]";
            if (line == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            Organisation org = line.organisationId() == null ? null
                    : organisation(line.organisationId(), field + ".organisationId", violations);
            if (line.organisationId() == null) {
                violations.add(new Violation(field + ".organisationId", "is required"));
            }
            Envelope envelope = line.envelopeCode() == null || line.envelopeCode().isBlank() ? null
                    : envelope(line.envelopeCode(), field + ".envelopeCode", violations);
            Instrument instrument = line.instrument() == null ? null
                    : Inputs.parseEnum(Instrument.class, line.instrument(), field + ".instrument", violations);
            Money amount = Inputs.money(line.amount(), field + ".amount", violations);
            lines.add(new PlanLineDraft(org, envelope, instrument, amount));
        }
        return lines;
    }

    private Organisation organisation(Long id, String field, List<Violation> violations) {
        Organisation org = em.find(Organisation.class, id);
        if (org == null) {
            violations.add(new Violation(field, "no organisation " + id));
        }
        return org;
    }

    private Envelope envelope(String code, String field, List<Violation> violations) {
        List<Envelope> found = em.createQuery("select e from Envelope e where e.code = :code", Envelope.class)
                .setParameter("code", code).getResultList();
        if (found.isEmpty()) {
            violations.add(new Violation(field, "no envelope " + code));
            return null;
        }
        return found.get(0);
    }

    private String nextReference() {
        Number n = (Number) em.createNativeQuery("select nextval('funding_request_reference_seq')").getSingleResult();
        return String.format("CF-%d-%06d", Year.now(clock.withZone(ZoneOffset.UTC)).getValue(), n.longValue());
    }

}
