package org.cofinance.application.request;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
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
                                Long organisationId, String detail) {
    }

    public record Shape(String id, String type, String name, double x, double y, double width, double height,
                        String state) {
        public double centreX() {
            return x + width / 2;
        }

        public double centreY() {
            return y + height / 2;
        }
    }

    public record Edge(String id, String points) {
    }

    /** The diagram of the request's own process version; shape state is DONE, ACTIVE or empty. */
    public record Diagram(List<Shape> shapes, List<Edge> edges, String viewBox) {
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
            return new Diagram(List.of(), List.of(), "0 0 10 10");
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(request.processInstanceId()).singleResult();
        if (instance == null) {
            return new Diagram(List.of(), List.of(), "0 0 10 10");
        }
        Set<String> active = new HashSet<>();
        if (instance.getEndTime() == null) {
            // unfinished activities: the waiting tasks and the sub-processes that hold them
            for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance.getId()).unfinished().list()) {
                active.add(a.getActivityId());
            }
        }
        Set<String> done = new HashSet<>();
        for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).finished().list()) {
            done.add(a.getActivityId());
        }
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
        List<Shape> shapes = new ArrayList<>();
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = 0;
        double maxY = 0;
        // the process's own plane; a collapsed sub-process draws its inside on a plane of its own
        var plane = model.getDefinitions().getBpmDiagrams().iterator().next().getBpmnPlane();
        for (BpmnShape shape : plane.getChildElementsByType(BpmnShape.class)) {
            Bounds b = shape.getBounds();
            if (b == null || shape.getBpmnElement() == null) {
                continue;
            }
            String id = shape.getBpmnElement().getId();
            String state = active.contains(id) ? "ACTIVE" : done.contains(id) ? "DONE" : "";
            shapes.add(new Shape(id, typeOf(shape), nameOf(shape), b.getX(), b.getY(), b.getWidth(), b.getHeight(),
                    state));
            minX = Math.min(minX, b.getX());
            minY = Math.min(minY, b.getY());
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight());
        }
        List<Edge> edges = new ArrayList<>();
        for (BpmnEdge edge : plane.getChildElementsByType(BpmnEdge.class)) {
            StringBuilder points = new StringBuilder();
            for (Waypoint w : edge.getWaypoints()) {
                points.append(w.getX()).append(',').append(w.getY()).append(' ');
                maxX = Math.max(maxX, w.getX());
                maxY = Math.max(maxY, w.getY());
            }
            edges.add(new Edge(edge.getId(), points.toString().strip()));
        }
        shapes.sort(Comparator.comparing(s -> containerRank(s.type())));
        String viewBox = shapes.isEmpty() ? "0 0 10 10"
                : String.format(java.util.Locale.ROOT, "%.0f %.0f %.0f %.0f", minX - 10, minY - 10,
                maxX - minX + 20, maxY - minY + 40);
        return new Diagram(shapes, edges, viewBox);
    }

    private static int containerRank(String type) {
        return switch (type) {
            case "POOL" -> 0;
            case "LANE" -> 1;
            case "SUBPROCESS" -> 2;
            default -> 3;
        };
    }

    private static String typeOf(BpmnShape shape) {
        var element = shape.getBpmnElement();
        if (element instanceof Participant) {
            return "POOL";
        }
        if (element instanceof Lane) {
            return "LANE";
        }
        if (element instanceof SubProcess) {
            return "SUBPROCESS";
        }
        if (element instanceof StartEvent || element instanceof BoundaryEvent) {
            return "EVENT";
        }
        if (element instanceof EndEvent) {
            return "END";
        }
        if (element instanceof Gateway) {
            return "GATEWAY";
        }
        if (element instanceof FlowNode) {
            return element.getElementType().getTypeName().endsWith("Event") ? "EVENT" : "TASK";
        }
        return "OTHER";
    }

    private static String nameOf(BpmnShape shape) {
        String name = shape.getBpmnElement().getAttributeValue("name");
        return name == null ? "" : name;
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
