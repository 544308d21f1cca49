package org.cofinance.interfaces.web.requests;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cofinance.application.ledger.CommitmentService;
import org.cofinance.application.ledger.CommitmentView;
import org.cofinance.application.ledger.RecoveryView;
import org.cofinance.application.reporting.ReportService;
import org.cofinance.application.reporting.RequestSheetService;
import org.cofinance.application.request.AmendmentService;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.NewRequest;
import org.cofinance.application.request.PlanLineView;
import org.cofinance.application.request.RequestHistoryService;
import org.cofinance.application.request.RequestView;
import org.cofinance.application.request.TrancheView;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.task.TaskCriteria;
import org.cofinance.application.task.TaskListService;
import org.cofinance.application.task.TaskView;
import org.cofinance.interfaces.web.Downloads;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;
import org.cofinance.interfaces.web.session.CurrentUser;

/**
 * The page of one request: its facts, plan, decisions and commitments, its timeline, its process diagram with the
 * current step, the tasks the user may work on it, and the officer's actions (submit, cancel, ask for a tranche).
 */
@Named
@ViewScoped
public class RequestPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FundingRequestService requests;

    @EJB
    private RequestHistoryService history;

    @EJB
    private TaskListService tasks;

    @EJB
    private CommitmentService commitments;

    @EJB
    private RequestSheetService sheets;

    @EJB
    private AmendmentService amendmentService;

    @Inject
    private Ui ui;

    @Inject
    private CurrentUser currentUser;

    private final FieldErrors errors = new FieldErrors();
    private final String actionKey = "ui-" + UUID.randomUUID();

    private Long id;
    private RequestView request;
    private List<RequestHistoryService.TimelineEvent> timeline;
    private RequestHistoryService.Diagram diagram;
    private List<TaskView> myTasks;
    private String cancelReason;
    private Long trancheCommitmentId;
    private Long trancheId;
    private String trancheAmount;
    private String trancheEvidence;
    private List<String> amendmentAmounts;
    private String amendmentCost;
    private String amendmentReason;
    private Long recoveryCommitmentId;
    private String recoveryAmount;
    private String recoveryReason;

    public void load() {
        if (request == null) {
            ui.attempt(null, this::refresh);
        }
    }

    private void refresh() {
        request = requests.get(id);
        timeline = history.timeline(id);
        diagram = history.diagram(id);
        myTasks = tasks.list(id, TaskCriteria.all(), Paging.of(0, 50)).items();
    }

    public void submit() {
        if (ui.attempt(errors, () -> requests.submit(id))) {
            ui.info("request.submitted");
        }
        refresh();
    }

    public void cancel() {
        if (ui.attempt(errors, () -> requests.cancel(id, cancelReason))) {
            ui.info("request.cancelled");
            cancelReason = null;
        }
        refresh();
    }

    public void askTranche() {
        CommitmentService.DisbursementAsk ask = new CommitmentService.DisbursementAsk(Ui.amountOf(trancheAmount),
                trancheEvidence, trancheId);
        String key = actionKey + "-" + trancheCommitmentId + "-" + Ui.amountOf(trancheAmount);
        if (ui.attempt(errors, () -> commitments.requestDisbursement(trancheCommitmentId, ask, key))) {
            ui.info("request.trancheAsked");
            trancheAmount = null;
            trancheEvidence = null;
        }
        refresh();
    }

    /** Whether the officer may file an amendment: the convention is signed and no amendment awaits its funders. */
    public boolean isAmendable() {
        return currentUser.isOfficer() && "CONTRACTED".equals(request.status())
                && request.amendments().stream().noneMatch(a -> "PENDING".equals(a.status()));
    }

    /** The new amounts typed for the plan's lines, the current ones until the officer changes them. */
    public List<String> getAmendmentAmounts() {
        if (amendmentAmounts == null) {
            amendmentAmounts = new ArrayList<>(request.plan().stream().map(PlanLineView::amount).toList());
        }
        return amendmentAmounts;
    }

    /** The officer files the plan as it should become: its lines with their new amounts, the cost when it changes. */
    public void fileAmendment() {
        List<NewRequest.Line> lines = new ArrayList<>();
        for (int i = 0; i < request.plan().size(); i++) {
            PlanLineView line = request.plan().get(i);
            lines.add(new NewRequest.Line(line.organisationId(), line.envelopeCode(), line.instrument(),
                    Ui.amountOf(getAmendmentAmounts().get(i))));
        }
        String cost = amendmentCost == null || amendmentCost.isBlank() ? null : Ui.amountOf(amendmentCost);
        AmendmentService.AmendmentCommand command = new AmendmentService.AmendmentCommand(amendmentReason, cost,
                lines);
        if (ui.attempt(errors, () -> amendmentService.file(id, command, actionKey + "-amendment-"
                + String.join("/", lines.stream().map(NewRequest.Line::amount).toList()) + "-" + cost))) {
            ui.info("amendment.filed");
            amendmentAmounts = null;
            amendmentCost = null;
            amendmentReason = null;
        }
        refresh();
    }

    /** The funder's finance asks money paid on one of its commitments back (ordre de reversement). */
    public void issueRecovery() {
        CommitmentService.RecoveryAsk ask = new CommitmentService.RecoveryAsk(Ui.amountOf(recoveryAmount),
                recoveryReason);
        String key = actionKey + "-recovery-" + recoveryCommitmentId + "-" + Ui.amountOf(recoveryAmount);
        if (ui.attempt(errors, () -> commitments.issueRecovery(recoveryCommitmentId, ask, key))) {
            ui.info("recovery.issued");
            recoveryAmount = null;
            recoveryReason = null;
        }
        refresh();
    }

    public void receiveRecovery(RecoveryView recovery) {
        if (ui.attempt(errors, () -> commitments.receiveRecovery(recovery.commitmentId(), recovery.id()))) {
            ui.info("recovery.received");
        }
        refresh();
    }

    public void cancelRecovery(RecoveryView recovery) {
        if (ui.attempt(errors, () -> commitments.cancelRecovery(recovery.commitmentId(), recovery.id()))) {
            ui.info("recovery.cancelled");
        }
        refresh();
    }

    /** The commitments of the finance user's organisation on which money was paid: what it may ask back. */
    public List<CommitmentView> getRecoverableCommitments() {
        if (!currentUser.isFinance()) {
            return List.of();
        }
        return request.commitments().stream().filter(this::ofMyOrganisation)
                .filter(c -> new BigDecimal(c.disbursed()).signum() > 0).toList();
    }

    /** Whether the user is the finance of the funder whose commitment the recovery is on, and it awaits the money. */
    public boolean mayAnswer(RecoveryView recovery) {
        return currentUser.isFinance() && "ISSUED".equals(recovery.status()) && request.commitments().stream()
                .anyMatch(c -> c.id().equals(recovery.commitmentId()) && ofMyOrganisation(c));
    }

    /** The envelope of the commitment a recovery is on. */
    public String envelopeOf(RecoveryView recovery) {
        return request.commitments().stream().filter(c -> c.id().equals(recovery.commitmentId()))
                .map(CommitmentView::envelopeCode).findFirst().orElse("");
    }

    private boolean ofMyOrganisation(CommitmentView commitment) {
        return commitment.organisationId().equals(currentUser.getCaller().organisationId());
    }

    public void downloadSheet() throws IOException {
        Locale locale = Ui.locale();
        ReportService.Report sheet = sheets.sheet(id, locale);
        Downloads.send(sheet.content(), sheet.format().contentType(), sheet.fileName());
    }

    /** What an officer may ask to pay: the committed money not yet paid of a request whose convention is signed. */
    public List<CommitmentView> getPayableCommitments() {
        if (!"CONTRACTED".equals(request.status())) {
            return List.of();
        }
        return request.commitments().stream()
                .filter(c -> "COMMITTED".equals(c.status()) || "DISBURSED".equals(c.status()))
                .filter(c -> new BigDecimal(c.committed()).subtract(new BigDecimal(c.disbursed()))
                        .subtract(new BigDecimal(c.recovered())).signum() > 0).toList();
    }

    public boolean isDraft() {
        return "DRAFT".equals(request.status());
    }

    public boolean isCancellable() {
        return switch (request.status()) {
            case "DRAFT", "SUBMITTED", "IN_INSTRUCTION", "IN_ARBITRATION", "AWAITING_DECISIONS", "TO_REVISE",
                 "APPROVED" -> true;
            default -> false;
        };
    }

    /** The label of one of the request's tranches, for the documents that prove it. */
    public String trancheLabel(Long trancheId) {
        return request == null || trancheId == null ? "" : request.tranches().stream()
                .filter(t -> t.id().equals(trancheId)).map(TrancheView::label).findFirst().orElse("");
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public RequestView getRequest() {
        return request;
    }

    public List<RequestHistoryService.TimelineEvent> getTimeline() {
        return timeline;
    }

    public RequestHistoryService.Diagram getDiagram() {
        return diagram;
    }

    public List<TaskView> getMyTasks() {
        return myTasks;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public Long getTrancheCommitmentId() {
        return trancheCommitmentId;
    }

    public void setTrancheCommitmentId(Long trancheCommitmentId) {
        this.trancheCommitmentId = trancheCommitmentId;
    }

    /** The tranches of the schedule a payment may be asked in advance of: those not paid yet, in order. */
    public List<TrancheView> getUnpaidTranches() {
        return request.tranches().stream().filter(t -> !"PAID".equals(t.status())).toList();
    }

    public Long getTrancheId() {
        return trancheId;
    }

    public void setTrancheId(Long trancheId) {
        this.trancheId = trancheId;
    }

    public String getAmendmentCost() {
        return amendmentCost;
    }

    public void setAmendmentCost(String amendmentCost) {
        this.amendmentCost = amendmentCost;
    }

    public String getAmendmentReason() {
        return amendmentReason;
    }

    public void setAmendmentReason(String amendmentReason) {
        this.amendmentReason = amendmentReason;
    }

    public Long getRecoveryCommitmentId() {
        return recoveryCommitmentId;
    }

    public void setRecoveryCommitmentId(Long recoveryCommitmentId) {
        this.recoveryCommitmentId = recoveryCommitmentId;
    }

    public String getRecoveryAmount() {
        return recoveryAmount;
    }

    public void setRecoveryAmount(String recoveryAmount) {
        this.recoveryAmount = recoveryAmount;
    }

    public String getRecoveryReason() {
        return recoveryReason;
    }

    public void setRecoveryReason(String recoveryReason) {
        this.recoveryReason = recoveryReason;
    }

    public String getTrancheAmount() {
        return trancheAmount;
    }

    public void setTrancheAmount(String trancheAmount) {
        this.trancheAmount = trancheAmount;
    }

    public String getTrancheEvidence() {
        return trancheEvidence;
    }

    public void setTrancheEvidence(String trancheEvidence) {
        this.trancheEvidence = trancheEvidence;
    }
}
