package org.cofinance.application.request;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Amounts;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.AmendmentChange;
import org.cofinance.domain.model.request.AmendmentDecision;
import org.cofinance.domain.model.request.AmendmentRepository;
import org.cofinance.domain.model.request.Decision;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;

/**
 * What happened to a request, for its page: the timeline of its stages, decisions and ledger movements, and its
 * process diagram with the steps done and the current one. Visible to whoever may see the request.
 */
@Stateless
public class RequestHistoryService {

    private final FundingRequestRepository requests;
    private final EnvelopeRepository envelopes;
    private final LedgerEntryRepository entries;
    private final AmendmentRepository amendments;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final Callers callers;

    @Inject
    public RequestHistoryService(FundingRequestRepository requests, EnvelopeRepository envelopes,
                                 LedgerEntryRepository entries, AmendmentRepository amendments,
                                 HistoryService historyService, RepositoryService repositoryService,
                                 Callers callers) {
        this.requests = requests;
        this.envelopes = envelopes;
        this.entries = entries;
        this.amendments = amendments;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.callers = callers;
    }

    /** For the container's proxies only. */
    protected RequestHistoryService() {
        this(null, null, null, null, null, null, null);
    }

    /** One line of a timeline; {@code kind} is CREATED, SUBMITTED, TASK, DECISION or a ledger entry kind. */
    public record TimelineEvent(Instant at, String kind, String what, String author, String amount,
                                Long organisationId, String detail) implements Serializable {
    }

    /** One step of the process, for the list read beside the drawing; state is DONE, ACTIVE or empty. */
    public record Step(String id, String name, String state) implements Serializable {
    }

    /**
     * The request's own process version as its BPMN XML (drawn on the page by bpmn-js) and its named steps: those
     * passed in the order they started, then the current ones, then those to come in the model's order.
     */
    public record Diagram(String bpmnXml, List<Step> steps) implements Serializable {
        static final Diagram NONE = new Diagram(null, List.of());

        /** The ids of the steps in that state, separated by spaces (for the page's markers). */
        public String idsIn(String state) {
            return String.join(" ", steps.stream().filter(s -> s.state().equals(state)).map(Step::id).toList());
        }
    }

    public List<TimelineEvent> timeline(Long requestId) {
        FundingRequest request = visible(requestId);
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent(request.handling().createdAt(), "CREATED", request.reference(),
                request.handling().createdBy(),
                null, null, null));
        if (request.handling().submittedAt() != null) {
            events.add(new TimelineEvent(request.handling().submittedAt(), "SUBMITTED", request.reference(),
                    request.handling().submittedBy(), null, null, null));
        }
        for (Decision d : request.decisions()) {
            events.add(new TimelineEvent(d.decidedAt(), "DECISION", d.outcome().name(), d.author(),
                    d.amount().map(Amounts::text).orElse(null), d.organisationId(), d.comment()));
        }
        for (Amendment a : amendments.ofRequest(request.id())) {
            for (AmendmentChange c : a.changes()) {
                if (c.isFunderChange()) {
                    events.add(new TimelineEvent(a.filedAt(), "AMENDMENT_FILED", Amounts.text(c.before()) + " → "
                            + Amounts.text(c.after()), a.filedBy(), Amounts.text(c.after()), c.organisationId(),
                            a.reason()));
                }
            }
            for (AmendmentDecision d : a.decisions()) {
                events.add(new TimelineEvent(d.decidedAt(), "AMENDMENT_DECIDED", d.outcome().name(), d.author(), null,
                        d.organisationId(), d.comment()));
            }
        }
        for (LedgerEntry e : entries.ofRequest(request.id())) {
            events.add(new TimelineEvent(e.at(), e.kind().name(), envelopeCode(e.envelopeId()), e.author(),
                    Amounts.text(e.amount()), null, e.reason()));
        }
        if (request.processInstanceId() != null) {
            for (var task : historyService.createHistoricTaskInstanceQuery()
                    .processInstanceId(request.processInstanceId()).finished().list()) {
                if (task.getEndTime() != null) {
                    events.add(new TimelineEvent(task.getEndTime().toInstant(), "TASK", task.getTaskDefinitionKey(),
                            task.getAssignee(), null, null,
                            "completed".equals(task.getDeleteReason()) ? null : task.getDeleteReason()));
                }
            }
        }
        events.sort(Comparator.comparing(TimelineEvent::at));
        return events;
    }

    public Diagram diagram(Long requestId) {
        FundingRequest request = visible(requestId);
        if (request.processInstanceId() == null) {
            return Diagram.NONE;
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult();
        if (instance == null) {
            return Diagram.NONE;
        }
        Map<String, String> states = new LinkedHashMap<>();
        for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            boolean current = a.getEndTime() == null && instance.getEndTime() == null;
            states.merge(a.getActivityId(), current ? "ACTIVE" : "DONE",
                    (before, now) -> before.equals("ACTIVE") || now.equals("ACTIVE") ? "ACTIVE" : "DONE");
        }
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
        Map<String, String> names = new LinkedHashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!(node instanceof Gateway) && node.getName() != null && !node.getName().isBlank()) {
                names.put(node.getId(), node.getName().strip());
            }
        }
        List<Step> steps = new ArrayList<>();
        states.forEach((id, state) -> {
            if (names.containsKey(id) && state.equals("DONE")) {
                steps.add(new Step(id, names.get(id), state));
            }
        });
        states.forEach((id, state) -> {
            if (names.containsKey(id) && state.equals("ACTIVE")) {
                steps.add(new Step(id, names.get(id), state));
            }
        });
        names.forEach((id, name) -> {
            if (!states.containsKey(id)) {
                steps.add(new Step(id, name, ""));
            }
        });
        return new Diagram(processXml(instance.getProcessDefinitionId()), steps);
    }

    private String processXml(String definitionId) {
        try (InputStream xml = repositoryService.getProcessModel(definitionId)) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the model of " + definitionId + " could not be read", e);
        }
    }

    private String envelopeCode(Long envelopeId) {
        return envelopes.find(envelopeId).map(Envelope::code).orElse(null);
    }

    private FundingRequest visible(Long requestId) {
        Caller caller = callers.current();
        FundingRequest request = requests.find(requestId).orElse(null);
        if (request == null || !caller.sees(request)) {
            throw new NotFoundException("no request " + requestId);
        }
        return request;
    }
}
