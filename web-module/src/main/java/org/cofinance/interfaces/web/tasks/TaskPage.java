package org.cofinance.interfaces.web.tasks;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cofinance.application.access.Callers;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.ledger.EnvelopeView;
import org.cofinance.application.request.DecisionView;
import org.cofinance.application.request.AmendmentView;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.PlanLineView;
import org.cofinance.application.request.RequestHistoryService;
import org.cofinance.application.request.RequestView;
import org.cofinance.application.request.TrancheView;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.task.TaskAnswer;
import org.cofinance.application.task.TaskBoardService;
import org.cofinance.application.task.TaskCompletion;
import org.cofinance.application.task.TaskListService;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;
import org.cofinance.interfaces.web.requests.RequestDocuments;

/**
 * Works one task. A decision shows the request sheet — the plan, the availability of the envelopes drawn on, the
 * other funders' decisions, the history — and takes the answer; the officer's tasks take theirs. Claim, unclaim,
 * delegation to a colleague and its resolution are here too.
 */
@Named
@ViewScoped
public class TaskPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<String> DECISIONS = List.of("APPROVE", "APPROVE_REDUCED", "REJECT", "REQUEST_CHANGES");
    private static final List<String> INSTRUCTION = List.of("APPROVE", "REQUEST_CHANGES", "REJECT");
    private static final List<String> GO_ON_OR_STOP = List.of("APPROVE", "REJECT");
    private static final List<String> GO_ON = List.of("APPROVE");

    @EJB
    private TaskBoardService board;

    @EJB
    private TaskListService tasks;

    @EJB
    private TaskCompletion completion;

    @EJB
    private FundingRequestService requests;

    @EJB
    private RequestHistoryService history;

    @EJB
    private EnvelopeService envelopes;

    @EJB
    private Callers callers;

    @Inject
    private Ui ui;

    @Inject
    private RequestDocuments documents;

    private final FieldErrors errors = new FieldErrors();
    private String id;
    private TaskBoardService.TaskRow task;
    private RequestView request;
    private List<RequestHistoryService.TimelineEvent> timeline;
    private List<String> colleagues;
    private String decision;
    private String amount;
    private String comment;
    private String colleague;
    private boolean done;
    /** The impact actuals the officer reports with a milestone's evidence, as typed. */
    private final List<ActualRow> actuals = new ArrayList<>();

    /** One actual as typed: the indicator and its value ("35,5"). */
    public static final class ActualRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String code;
        private String value;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        TaskAnswer.Actual actual() {
            return new TaskAnswer.Actual(code, value == null ? null : value.strip().replace(',', '.'));
        }
    }

    /** The schedule the officer types at the convention's signature; none: the standard 30/40/30. */
    private final List<ScheduleRow> schedule = new ArrayList<>();

    /** One tranche of the schedule being typed, as typed (a share "30,00", a due date "26/11/2026"). */
    public static final class ScheduleRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String label;
        private String share;
        private String dueOn;

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getShare() {
            return share;
        }

        public void setShare(String share) {
            this.share = share;
        }

        public String getDueOn() {
            return dueOn;
        }

        public void setDueOn(String dueOn) {
            this.dueOn = dueOn;
        }

        TaskAnswer.ScheduleLine line() {
            return new TaskAnswer.ScheduleLine(label, share == null ? null : share.strip().replace(',', '.'),
                    Ui.isoDay(dueOn));
        }
    }

    public void load() {
        if (task == null && !done) {
            ui.attempt(null, this::refresh);
        }
    }

    private void refresh() {
        task = board.task(id);
        request = requests.get(task.requestId());
        documents.setRequestId(task.requestId());
        timeline = history.timeline(task.requestId());
        colleagues = tasks.colleagues(id);
    }

    public String complete() {
        TaskAnswer answer = new TaskAnswer(decision, Ui.amountOf(amount), comment, schedule.isEmpty() ? null
                : schedule.stream().map(ScheduleRow::line).toList(), actuals.isEmpty() ? null
                : actuals.stream().map(ActualRow::actual).toList());
        if (!ui.attempt(errors, () -> completion.complete(id, answer))) {
            return null;
        }
        done = true;
        ui.info("task.completed", task.name(), task.requestReference());
        return "/app/tasks.xhtml?faces-redirect=true";
    }

    public void addActual() {
        actuals.add(new ActualRow());
    }

    public void removeActual(int index) {
        if (index >= 0 && index < actuals.size()) {
            actuals.remove(index);
        }
    }

    public List<ActualRow> getActuals() {
        return actuals;
    }

    /** Whether the task records a milestone's evidence, with which the project's impact is reported. */
    public boolean isEvidence() {
        return task != null && FundingRequestProcess.RECORD_EVIDENCE.equals(task.taskType());
    }

    /** Adds a tranche to the schedule being typed; what was typed stays. */
    public void addTranche() {
        schedule.add(new ScheduleRow());
    }

    /** Takes the tranche at {@code index} out of the schedule being typed. */
    public void removeTranche(int index) {
        if (index >= 0 && index < schedule.size()) {
            schedule.remove(index);
        }
    }

    public List<ScheduleRow> getSchedule() {
        return schedule;
    }

    public boolean isConvention() {
        return task != null && FundingRequestProcess.SIGN_CONVENTION.equals(task.taskType());
    }

    public void claim() {
        if (ui.attempt(errors, () -> tasks.claim(id))) {
            ui.info("tasks.claimed", 1);
        }
        refresh();
    }

    public void unclaim() {
        if (ui.attempt(errors, () -> tasks.unclaim(id))) {
            ui.info("tasks.unclaimed");
        }
        refresh();
    }

    public void delegate() {
        if (ui.attempt(errors, () -> tasks.delegate(id, colleague))) {
            ui.info("task.delegated", colleague);
        }
        refresh();
    }

    public void resolve() {
        if (ui.attempt(errors, () -> tasks.resolve(id))) {
            ui.info("task.resolved");
        }
        refresh();
    }

    /** The answers this kind of task takes. */
    public List<String> getChoices() {
        return switch (task.taskType()) {
            case FundingRequestProcess.DECIDE -> DECISIONS;
            case FundingRequestProcess.INSTRUCT -> INSTRUCTION;
            case FundingRequestProcess.SIGN_CONVENTION, FundingRequestProcess.RECORD_EVIDENCE -> GO_ON;
            default -> GO_ON_OR_STOP;
        };
    }

    public boolean isFunderDecision() {
        return FundingRequestProcess.DECIDE.equals(task.taskType());
    }

    /** The amendment a funder decides, when the task is one. */
    public AmendmentView getAmendment() {
        if (task.amendmentId() == null) {
            return null;
        }
        return request.amendments().stream().filter(a -> a.id().equals(task.amendmentId())).findFirst()
                .orElse(null);
    }

    /** The tranche a disbursement task is about, when it is one. */
    public TrancheView getTranche() {
        if (task.trancheId() == null) {
            return null;
        }
        return request.tranches().stream().filter(t -> t.id().equals(task.trancheId())).findFirst().orElse(null);
    }

    public boolean isMine() {
        return Objects.equals(callers.current().username(), task.assignee());
    }

    public boolean isDelegatedToMe() {
        return task.delegated() && isMine();
    }

    /** The other funders' decisions, for an approver to read before deciding. */
    public List<DecisionView> getOtherDecisions() {
        return request.decisions().stream().filter(d -> !Objects.equals(d.organisationId(), task.organisationId()))
                .toList();
    }

    /** The envelopes the request draws on that the user may see (an approver: his organisation's), as they stand. */
    public List<EnvelopeView> getEnvelopes() {
        List<String> codes = request.plan().stream().map(PlanLineView::envelopeCode).filter(Objects::nonNull)
                .distinct().toList();
        return envelopes.list(Paging.of(0, Paging.MAX_SIZE)).items().stream().filter(e -> codes.contains(e.code()))
                .toList();
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public TaskBoardService.TaskRow getTask() {
        return task;
    }

    public RequestView getRequest() {
        return request;
    }

    public List<RequestHistoryService.TimelineEvent> getTimeline() {
        return timeline;
    }

    public List<String> getColleagues() {
        return colleagues;
    }

    public String getDecision() {
        return decision;
    }

    public void setDecision(String decision) {
        this.decision = decision;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getColleague() {
        return colleague;
    }

    public void setColleague(String colleague) {
        this.colleague = colleague;
    }
}
