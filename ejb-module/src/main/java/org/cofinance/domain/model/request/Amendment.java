package org.cofinance.domain.model.request;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.Violation;

/**
 * An amendment (avenant) of a signed convention: the plan lines whose amounts change, with its reason. PENDING while
 * the funders concerned decide — each funder whose commitment changes, at its committee levels, a person deciding once
 * per funder — then APPROVED (applied to the plan) or REJECTED (nothing changes). It is a round of decisions of its
 * own: whoever decided the request may decide the amendment. Once the last tranche is evidenced the convention is being
 * closed and is amended no more; while an amendment is pending, the last tranche waits.
 */
@Entity
@Table(name = "amendment")
public class Amendment {

    public enum Status {
        PENDING, APPROVED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", updatable = false)
    private FundingRequest request;

    @Column(nullable = false, length = 1000, updatable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "eligible_cost_before", nullable = false, precision = 19, scale = 2, updatable = false)
    private Money eligibleCostBefore;

    @Column(name = "eligible_cost_after", nullable = false, precision = 19, scale = 2, updatable = false)
    private Money eligibleCostAfter;

    @Column(name = "filed_by", nullable = false, length = 64, updatable = false)
    private String filedBy;

    @Column(name = "filed_at", nullable = false, updatable = false)
    private Instant filedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @OneToMany(mappedBy = "amendment", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<AmendmentChange> changes = new ArrayList<>();

    @OneToMany(mappedBy = "amendment", cascade = CascadeType.PERSIST)
    @OrderBy("decidedAt, id")
    private List<AmendmentDecision> decisions = new ArrayList<>();

    @Version
    private long version;

    protected Amendment() {
    }

    /**
     * @param changes the plan lines whose amounts change, at least one of them a funder's
     * @throws DomainException when the request is not under a signed convention, or nothing a funder decides changes
     */
    public Amendment(FundingRequest request, String reason, Money eligibleCostAfter, List<AmendmentChange> changes,
                     String filedBy, Instant filedAt) {
        request.checkAmendable();
        if (reason == null || reason.isBlank()) {
            throw new DomainException("an amendment gives its reason");
        }
        if (changes.stream().noneMatch(AmendmentChange::isFunderChange)) {
            throw new DomainException("an amendment changes at least one funder's amount");
        }
        this.request = request;
        this.reason = reason.strip();
        this.eligibleCostBefore = request.project().eligibleCost();
        this.eligibleCostAfter = Objects.requireNonNull(eligibleCostAfter, "eligible cost");
        this.filedBy = Objects.requireNonNull(filedBy, "filedBy");
        this.filedAt = Objects.requireNonNull(filedAt, "filedAt");
        this.status = Status.PENDING;
        for (AmendmentChange change : changes) {
            change.belongTo(this);
            this.changes.add(change);
        }
    }

    /**
     * What is wrong with the plan as an amendment would make it: the same lines (funder, envelope, instrument, in the
     * same order) with new amounts, balancing to the eligible cost (the same or a new one) under the rules of a plan.
     * Empty when it may be filed; the call's eligibility rules are checked on {@link #eligibilityFactsOf} besides.
     */
    public static List<Violation> violationsOf(FundingRequest request, List<PlanLineDraft> lines, Money eligibleCost) {
        List<PlanLine> plan = request.plan();
        ProjectDetails amended = request.details().withEligibleCost(eligibleCost);
        List<Violation> violations = new ArrayList<>(FinancingPlan.violationsOf(amended, lines));
        if (lines.size() != plan.size()) {
            violations.add(new Violation("plan", "an amendment keeps the plan's " + plan.size()
                    + " lines, their funders and envelopes: only amounts change"));
            return violations;
        }
        for (int i = 0; i < lines.size(); i++) {
            PlanLine line = plan.get(i);
            PlanLineDraft draft = lines.get(i);
            boolean sameEnvelope = line.envelope().map(e -> draft.envelope() != null
                    && e.id().equals(draft.envelope().id())).orElse(draft.envelope() == null);
            if (draft.organisation() == null || !line.organisation().id().equals(draft.organisation().id())
                    || !sameEnvelope || line.instrument() != draft.instrument()) {
                violations.add(new Violation("plan[" + i + "]", "an amendment keeps each line's funder, envelope and "
                        + "instrument: only its amount changes"));
            }
        }
        return violations;
    }

    /** What the call's eligibility rules need to know of the plan as an amendment would make it. */
    public static EligibilityFacts eligibilityFactsOf(FundingRequest request, List<PlanLineDraft> lines,
                                                      Money eligibleCost) {
        List<PlanLine> amended = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            amended.add(new PlanLine(request, i, lines.get(i)));
        }
        return new FinancingPlan(amended).eligibilityFacts(request.programme().code(), request.project().theme(),
                request.project().lead(), eligibleCost);
    }

    /** The funders whose commitments change, by organisation id: each decides. */
    public List<Long> funders() {
        return List.copyOf(changes.stream().filter(AmendmentChange::isFunderChange)
                .map(AmendmentChange::organisationId).collect(Collectors.toCollection(TreeSet::new)));
    }

    /**
     * Records a funder's answer at one of its levels.
     *
     * @throws DomainException when the amendment is decided already, or the organisation has nothing to decide
     * @throws SegregationOfDutiesException when the author already decided for that organisation on it
     */
    public AmendmentDecision recordDecision(Long organisationId, String level, DecisionOutcome outcome,
                                            String comment, String author, Instant at, String taskId) {
        requirePending();
        if (!funders().contains(organisationId)) {
            throw new DomainException("organisation " + organisationId + " has nothing to decide on amendment " + id);
        }
        if (outcome != DecisionOutcome.APPROVE && outcome != DecisionOutcome.REJECT) {
            throw new DomainException("an amendment is approved or rejected, not " + outcome);
        }
        checkMayDecide(organisationId, author);
        AmendmentDecision decision = new AmendmentDecision(this, organisationId, level, outcome, comment, author, at,
                taskId);
        decisions.add(decision);
        return decision;
    }

    /** Two people for two committee levels: on an amendment a person decides for an organisation once. */
    public void checkMayDecide(Long organisationId, String author) {
        if (decisions.stream().anyMatch(d -> d.organisationId().equals(organisationId)
                && d.author().equals(author))) {
            throw new SegregationOfDutiesException(author + " already decided a committee level of this organisation "
                    + "on this amendment: another approver decides the next");
        }
        if (filedBy.equals(author)) {
            throw new SegregationOfDutiesException("whoever filed an amendment never decides on it");
        }
    }

    /** Whether the organisation's chain of levels stops: its latest answer is not an approval. */
    public boolean stoppedFor(Long organisationId) {
        List<AmendmentDecision> of = decisions.stream().filter(d -> d.organisationId().equals(organisationId))
                .toList();
        return !of.isEmpty() && of.get(of.size() - 1).outcome() != DecisionOutcome.APPROVE;
    }

    public boolean anyRejected() {
        return decisions.stream().anyMatch(d -> d.outcome() == DecisionOutcome.REJECT);
    }

    /** What the organisation's lines will add up to once amended, given what they add up to now. */
    public Money newAmountOf(Long organisationId, Money now) {
        Money amount = now;
        for (AmendmentChange change : changes) {
            if (change.isFunderChange() && change.organisationId().equals(organisationId)) {
                amount = amount.minus(change.before()).plus(change.after());
            }
        }
        return amount;
    }

    /** Every funder approved at every level: the plan changes (the ledger moved by the caller). */
    public void approve(Instant at) {
        requirePending();
        request.applyAmendment(this);
        this.status = Status.APPROVED;
        this.decidedAt = at;
    }

    /** A funder refused: nothing changes but the increases voided by the caller. */
    public void reject(Instant at) {
        requirePending();
        this.status = Status.REJECTED;
        this.decidedAt = at;
    }

    public void startedProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    private void requirePending() {
        if (status != Status.PENDING) {
            throw new DomainException("amendment " + id + " is already " + status);
        }
    }

    public Long id() {
        return id;
    }

    public FundingRequest request() {
        return request;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public Money eligibleCostBefore() {
        return eligibleCostBefore;
    }

    public Money eligibleCostAfter() {
        return eligibleCostAfter;
    }

    public String filedBy() {
        return filedBy;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public List<AmendmentChange> changes() {
        return List.copyOf(changes);
    }

    public List<AmendmentDecision> decisions() {
        return List.copyOf(decisions);
    }
}
