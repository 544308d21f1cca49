package org.cofinance.domain.model.request;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * A request to finance one project, with its financing plan and the decisions of its financers. The plan balances
 * (its lines add up exactly to the eligible cost) and every line obeys the plan rules; the status moves only along
 * {@link RequestStatus}'s allowed transitions.
 */
@Entity
@Table(name = "funding_request")
public class FundingRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 30, updatable = false)
    private String reference;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 200)
    private String territory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Theme theme;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_organisation_id")
    private Organisation lead;

    @Column(name = "eligible_cost", nullable = false, precision = 19, scale = 2)
    private Money eligibleCost;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RequestStatus status;

    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PlanLine> plan = new ArrayList<>();

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("decidedAt, id")
    private List<Decision> decisions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "request_ineligibility_reason", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    @Column(name = "reason", length = 100)
    private List<String> ineligibilityReasons = new ArrayList<>();

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "submitted_by", length = 64)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "instructed_by", length = 64)
    private String instructedBy;

    @Column(name = "convention_signed_by", length = 64)
    private String conventionSignedBy;

    @Column(name = "convention_signed_at")
    private Instant conventionSignedAt;

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<Tranche> tranches = new ArrayList<>();

    @Version
    private long version;

    protected FundingRequest() {
    }

    /**
     * A new draft.
     *
     * @throws ValidationException naming every field that breaks a rule
     */
    public FundingRequest(String reference, ProjectDetails project, List<PlanLineDraft> lines, String author,
                          Instant at) {
        List<Violation> violations = new ArrayList<>(project.violations());
        violations.addAll(planViolations(project, lines));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        this.reference = Objects.requireNonNull(reference, "reference");
        apply(project);
        for (PlanLineDraft line : lines) {
            plan.add(new PlanLine(this, plan.size(), line));
        }
        this.status = RequestStatus.DRAFT;
        this.createdBy = author;
        this.createdAt = at;
    }

    /**
     * Replaces the project and the plan of a draft, under the rules of a new draft; after submission, while the plan
     * is sent back for revision or in arbitration, only the plan changes and it still balances to the same cost.
     * Lines keep their positions: the first ones are rewritten in place, the extra ones added or removed.
     *
     * @throws ValidationException naming every field that breaks a rule; nothing is changed then
     */
    public void revise(ProjectDetails project, List<PlanLineDraft> lines) {
        boolean draft = status == RequestStatus.DRAFT;
        if (!draft && status != RequestStatus.TO_REVISE && status != RequestStatus.IN_ARBITRATION) {
            throw new DomainException("request " + reference + " is " + status + ": its plan can no longer change");
        }
        ProjectDetails kept = draft ? project : projectDetails();
        List<Violation> violations = new ArrayList<>(kept.violations());
        violations.addAll(planViolations(kept, lines));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        apply(kept);
        for (int i = 0; i < lines.size(); i++) {
            if (i < plan.size()) {
                plan.get(i).replaceWith(lines.get(i));
            } else {
                plan.add(new PlanLine(this, i, lines.get(i)));
            }
        }
        while (plan.size() > lines.size()) {
            plan.remove(plan.size() - 1);
        }
    }

    /**
     * The funders whose decision is asked when the plan is routed: all of them, but those whose latest decision
     * approved exactly the part of the plan they still have.
     */
    public List<Long> fundersToDecide() {
        List<Long> funders = new ArrayList<>();
        for (Long organisationId : funderIds()) {
            Decision latest = null;
            for (Decision d : decisions) {
                if (d.organisationId().equals(organisationId)) {
                    latest = d;
                }
            }
            boolean kept = latest != null && latest.outcome() == DecisionOutcome.APPROVE
                    && planFingerprintOf(organisationId).equals(latest.planFingerprint());
            if (!kept) {
                funders.add(organisationId);
            }
        }
        return funders;
    }

    /** A digest of the organisation's lines (envelope, instrument, amount), in plan order. */
    String planFingerprintOf(Long organisationId) {
        StringBuilder lines = new StringBuilder();
        for (PlanLine line : plan) {
            if (line.organisation().id().equals(organisationId)) {
                lines.append(line.envelope().map(e -> e.code()).orElse("-")).append('|')
                        .append(line.instrument()).append('|').append(line.amount().toPlainString()).append('\n');
            }
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void apply(ProjectDetails project) {
        this.title = project.title().strip();
        this.territory = project.territory().strip();
        this.theme = project.theme();
        this.lead = project.lead();
        this.eligibleCost = project.eligibleCost();
    }

    private static List<Violation> planViolations(ProjectDetails project, List<PlanLineDraft> lines) {
        List<Violation> violations = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            violations.add(new Violation("plan", "a financing plan has at least one line"));
            return violations;
        }
        Money total = Money.ZERO;
        boolean amountsValid = true;
        for (int i = 0; i < lines.size(); i++) {
            PlanLineDraft line = lines.get(i);
            violations.addAll(line.violations("plan[" + i + "]", project.lead()));
            if (line.amount() == null) {
                amountsValid = false;
            } else {
                total = total.plus(line.amount());
            }
        }
        if (amountsValid && project.eligibleCost() != null && !total.equals(project.eligibleCost())) {
            violations.add(new Violation("plan", "the plan does not balance: its lines add up to "
                    + total.toPlainString() + " EUR, the eligible cost is "
                    + project.eligibleCost().toPlainString() + " EUR"));
        }
        return violations;
    }

    /**
     * The convention is signed: the approval becomes a contract and its tranches are scheduled — 30 % on signature,
     * 40 % at mid-term (a year later), 30 % on completion (two years later), each on evidence.
     */
    public List<Tranche> signConvention(String officer, Instant at, LocalDate signedOn) {
        if (status != RequestStatus.APPROVED) {
            throw new DomainException("request " + reference + " is " + status + ": only an approved request is "
                    + "contracted");
        }
        moveTo(RequestStatus.CONTRACTED);
        this.conventionSignedBy = officer;
        this.conventionSignedAt = at;
        tranches.add(new Tranche(this, 0, Tranche.Label.SIGNATURE, new BigDecimal("30"), signedOn));
        tranches.add(new Tranche(this, 1, Tranche.Label.MID_TERM, new BigDecimal("40"), signedOn.plusYears(1)));
        tranches.add(new Tranche(this, 2, Tranche.Label.COMPLETION, new BigDecimal("30"), signedOn.plusYears(2)));
        return List.copyOf(tranches);
    }

    /** Whether {@code tranche} is this request's last: it pays whatever is left of each commitment. */
    public boolean isLastTranche(Tranche tranche) {
        return !tranches.isEmpty() && tranches.get(tranches.size() - 1) == tranche;
    }

    public List<Tranche> tranches() {
        return List.copyOf(tranches);
    }

    public String conventionSignedBy() {
        return conventionSignedBy;
    }

    /** Hands the request over to the workflow; a request is submitted once. */
    public void submit(String author, Instant at) {
        if (status != RequestStatus.DRAFT) {
            throw new DomainException("request " + reference + " is " + status + ": only a draft is submitted");
        }
        List<Violation> violations = planViolations(projectDetails(), plan.stream()
                .map(l -> new PlanLineDraft(l.organisation(), l.envelope().orElse(null), l.instrument(), l.amount()))
                .toList());
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        moveTo(RequestStatus.SUBMITTED);
        this.submittedBy = author;
        this.submittedAt = at;
    }

    /**
     * What the call's eligibility rules need to know, in euro cents: the eligible cost, public and private money,
     * and what the lead brings of the public money when it is a local authority.
     */
    public EligibilityFacts eligibilityFacts() {
        long publicCents = 0;
        long leadPublicCents = 0;
        for (PlanLine line : plan) {
            if (line.isPublicMoney()) {
                publicCents += line.amount().toCents();
                if (line.organisation().id().equals(lead.id())) {
                    leadPublicCents += line.amount().toCents();
                }
            }
        }
        long cost = eligibleCost.toCents();
        return new EligibilityFacts(theme.name(), cost, publicCents, cost - publicCents, lead.isLocalAuthority(),
                leadPublicCents);
    }

    /** Closes a submitted request that breaks the call's rules, with every broken rule as a reason. */
    public void markIneligible(List<String> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            throw new DomainException("an ineligible request has at least one reason");
        }
        moveTo(RequestStatus.INELIGIBLE);
        ineligibilityReasons.clear();
        ineligibilityReasons.addAll(reasons);
    }

    public List<String> ineligibilityReasons() {
        return Collections.unmodifiableList(ineligibilityReasons);
    }

    public void startedProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void moveTo(RequestStatus target) {
        if (!status.canMoveTo(target)) {
            throw new DomainException("request " + reference + " cannot move from " + status + " to " + target);
        }
        this.status = target;
    }

    /** The organisations whose lines draw on their envelopes: each owes a decision. */
    public Set<Long> funderIds() {
        Set<Long> funders = new LinkedHashSet<>();
        plan.stream().filter(PlanLine::drawsOnEnvelope).forEach(l -> funders.add(l.organisation().id()));
        return funders;
    }

    public Money amountFundedBy(Long organisationId) {
        return plan.stream().filter(l -> l.drawsOnEnvelope() && l.organisation().id().equals(organisationId))
                .map(PlanLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /**
     * Records a funder's decision.
     *
     * @throws DomainException when the request awaits no decision, or none from that organisation
     */
    public Decision recordDecision(Long organisationId, DecisionOutcome outcome, Money amount, String comment,
                                   String author, Instant at, String taskId) {
        return recordDecision(organisationId, null, outcome, amount, comment, author, at, taskId);
    }

    /** One organisation's decision, at one of its committee levels when it decides through levels. */
    public Decision recordDecision(Long organisationId, String level, DecisionOutcome outcome, Money amount,
                                   String comment, String author, Instant at, String taskId) {
        if (status != RequestStatus.AWAITING_DECISIONS) {
            throw new DomainException("request " + reference + " awaits no decision (it is " + status + ")");
        }
        if (!funderIds().contains(organisationId)) {
            throw new DomainException("organisation " + organisationId + " does not finance request " + reference);
        }
        Objects.requireNonNull(outcome, "decision");
        if (outcome == DecisionOutcome.APPROVE_REDUCED) {
            Money asked = amountFundedBy(organisationId);
            if (amount == null || !amount.isPositive() || !amount.isLessThan(asked)) {
                throw ValidationException.of("amount", "a reduced approval names a positive amount below the "
                        + asked.toPlainString() + " EUR asked");
            }
        } else if (amount != null) {
            throw ValidationException.of("amount", "only a reduced approval names an amount");
        }
        Decision decision = new Decision(this, organisationId, level, outcome, amount, comment, author, at, taskId,
                planFingerprintOf(organisationId));
        decisions.add(decision);
        return decision;
    }

    public boolean isApprovedByAllFunders() {
        return funderIds().stream().allMatch(org -> latestDecisionOf(org) == DecisionOutcome.APPROVE);
    }

    /** Whether the organisation's levels stop here: its latest decision is anything but an approval. */
    public boolean decisionStoppedFor(Long organisationId) {
        DecisionOutcome latest = latestDecisionOf(organisationId);
        return latest != null && latest != DecisionOutcome.APPROVE;
    }

    public boolean hasRejection() {
        return funderIds().stream().anyMatch(org -> latestDecisionOf(org) == DecisionOutcome.REJECT);
    }

    private DecisionOutcome latestDecisionOf(Long organisationId) {
        DecisionOutcome latest = null;
        for (Decision d : decisions) {
            if (d.organisationId().equals(organisationId)) {
                latest = d.outcome();
            }
        }
        return latest;
    }

    public boolean wasCreatedBy(String username) {
        return createdBy.equals(username);
    }

    /** Records who gave the instruction's answer; the last one to instruct is the instructing officer. */
    public void instructedBy(String officer) {
        if (status != RequestStatus.IN_INSTRUCTION) {
            throw new DomainException("request " + reference + " is not in instruction (it is " + status + ")");
        }
        this.instructedBy = officer;
    }

    /** Whoever registered, submitted or instructed the request never decides on it. */
    public boolean wasHandledBy(String username) {
        return username.equals(createdBy) || username.equals(submittedBy) || username.equals(instructedBy);
    }

    public String instructedBy() {
        return instructedBy;
    }

    public ProjectDetails projectDetails() {
        return new ProjectDetails(title, territory, theme, lead, eligibleCost);
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String title() {
        return title;
    }

    public String territory() {
        return territory;
    }

    public Theme theme() {
        return theme;
    }

    public Organisation lead() {
        return lead;
    }

    public Money eligibleCost() {
        return eligibleCost;
    }

    public RequestStatus status() {
        return status;
    }

    public List<PlanLine> plan() {
        return Collections.unmodifiableList(plan);
    }

    public List<Decision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }
}
