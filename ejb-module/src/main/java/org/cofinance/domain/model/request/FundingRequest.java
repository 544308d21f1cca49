package org.cofinance.domain.model.request;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
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

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "programme_id")
    private Programme programme;

    @Embedded
    private Project project;

    /** The coalition's partners beside its lead, in the order the request names them. */
    @ElementCollection
    @CollectionTable(name = "request_partner", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<Partner> partners = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "request_impact_target", joinColumns = @JoinColumn(name = "request_id"))
    @OrderColumn(name = "position")
    private List<ImpactTarget> impactTargets = new ArrayList<>();

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("reportedAt, id")
    private List<ImpactActual> impactActuals = new ArrayList<>();

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

    @Embedded
    private RequestHandling handling;

    @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    private List<Tranche> tranches = new ArrayList<>();

    /** How many times the plan was routed to its funders: each routing is a round of decisions. */
    @Column(name = "decision_round", nullable = false)
    private int decisionRound;

    @Version
    private long version;

    /** The calendar of the programmes' opening and closing days. */
    private static final java.time.ZoneId CALENDAR = java.time.ZoneId.of("Europe/Paris");

    protected FundingRequest() {
    }

    /**
     * A new draft answering {@code programme}, open on the day it is registered, with its impact targets on the
     * programme's indicators.
     *
     * @throws ValidationException naming every field that breaks a rule
     */
    public FundingRequest(String reference, Programme programme, ProjectDetails project, List<PlanLineDraft> lines,
                          List<ImpactTarget> targets, String author, Instant at) {
        List<Violation> violations = draftViolations(programme, project, lines, targets, at);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        this.reference = Objects.requireNonNull(reference, "reference");
        this.programme = programme;
        this.project = Project.of(project);
        this.partners.addAll(project.partners());
        this.impactTargets.addAll(targets);
        for (PlanLineDraft line : lines) {
            plan.add(new PlanLine(this, plan.size(), line));
        }
        this.status = RequestStatus.DRAFT;
        this.handling = new RequestHandling(author, at);
    }

    private static List<Violation> draftViolations(Programme programme, ProjectDetails project,
                                                   List<PlanLineDraft> lines, List<ImpactTarget> targets,
                                                   Instant at) {
        List<Violation> violations = new ArrayList<>(
                programme.violationsOfRequest(project.theme(), LocalDate.ofInstant(at, CALENDAR)));
        violations.addAll(project.violations());
        violations.addAll(FinancingPlan.violationsOf(project, lines));
        violations.addAll(ImpactTarget.violationsOf(programme, targets == null ? List.of() : targets));
        return violations;
    }

    /**
     * Replaces the programme, project, impact targets and plan of a draft, under the rules of a new draft; after
     * submission, while the plan is sent back for revision or in arbitration, only the plan changes and it still
     * balances to the same cost (the rest is kept whatever is given). Lines keep their positions: the first ones are
     * rewritten in place, the extra ones added or removed.
     *
     * @throws ValidationException naming every field that breaks a rule; nothing is changed then
     */
    public void revise(Programme programme, ProjectDetails project, List<PlanLineDraft> lines,
                       List<ImpactTarget> targets, Instant at) {
        boolean draft = status == RequestStatus.DRAFT;
        if (!draft && status != RequestStatus.TO_REVISE && status != RequestStatus.IN_ARBITRATION) {
            throw new DomainException("request " + reference + " is " + status + ": its plan can no longer change");
        }
        ProjectDetails kept = draft ? project : details();
        List<Violation> violations = draft ? draftViolations(programme, kept, lines, targets, at)
                : new ArrayList<>(FinancingPlan.violationsOf(kept, lines));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (draft) {
            this.programme = programme;
            this.project = Project.of(kept);
            this.partners.clear();
            this.partners.addAll(kept.partners());
            this.impactTargets.clear();
            this.impactTargets.addAll(targets);
        }
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
     * Whether its convention may be amended: signed (CONTRACTED), its last tranche not yet evidenced (once it is, the
     * convention is being closed).
     *
     * @throws DomainException when it may not
     */
    public void checkAmendable() {
        if (status != RequestStatus.CONTRACTED) {
            throw new DomainException("only the convention of a CONTRACTED request is amended (request " + reference
                    + " is " + status + ")");
        }
        if (!tranches.isEmpty() && tranches.get(tranches.size() - 1).status() != Tranche.Status.SCHEDULED) {
            throw new DomainException("the last tranche of request " + reference + " is evidenced: the convention "
                    + "is being closed, it is amended no more");
        }
    }

    /** An approved amendment changes the amounts of its lines and the eligible cost. */
    void applyAmendment(Amendment amendment) {
        for (AmendmentChange change : amendment.changes()) {
            plan.stream().filter(l -> l.id().equals(change.planLineId())).findFirst()
                    .orElseThrow(() -> new DomainException("no plan line " + change.planLineId() + " on request "
                            + reference)).amend(change.after());
        }
        this.project = Project.of(details().withEligibleCost(amendment.eligibleCostAfter()));
    }

    /**
     * The convention is signed with the standard schedule: 30 % on signature, 40 % at mid-term (a year later), 30 % on
     * completion (two years later), each on evidence.
     */
    public List<Tranche> signConvention(String officer, Instant at, LocalDate signedOn) {
        return signConvention(officer, at, signedOn, List.of());
    }

    /**
     * The convention is signed: the approval becomes a contract and its tranches are scheduled as the parties agreed
     * — the standard schedule when they agreed none. An agreed schedule names each tranche (at most 100 characters),
     * its share of every commitment (positive, two decimals, all adding up to 100.00) and its due date (not before
     * the signature, in order); each tranche pays its share of every commitment, the last what is left.
     *
     * @throws ValidationException naming {@code schedule} or {@code schedule[i].label|share|dueOn}; nothing changes
     */
    public List<Tranche> signConvention(String officer, Instant at, LocalDate signedOn, List<TrancheTerms> schedule) {
        if (status != RequestStatus.APPROVED) {
            throw new DomainException("request " + reference + " is " + status + ": only an approved request is "
                    + "contracted");
        }
        List<Tranche> agreed = schedule == null || schedule.isEmpty() ? Tranche.standardSchedule(this, signedOn)
                : Tranche.agreedSchedule(this, signedOn, schedule);
        moveTo(RequestStatus.CONTRACTED);
        handling.conventionSigned(officer, at);
        tranches.addAll(agreed);
        return List.copyOf(tranches);
    }

    /** Whether {@code tranche} is this request's last: it pays whatever is left of each commitment. */
    public boolean isLastTranche(Tranche tranche) {
        return !tranches.isEmpty() && tranches.get(tranches.size() - 1) == tranche;
    }

    public List<Tranche> tranches() {
        return List.copyOf(tranches);
    }

    /** Hands the request over to the workflow; a request is submitted once. */
    public void submit(String author, Instant at) {
        if (status != RequestStatus.DRAFT) {
            throw new DomainException("request " + reference + " is " + status + ": only a draft is submitted");
        }
        List<Violation> violations = new ArrayList<>(programme.violationsOfRequest(null,
                LocalDate.ofInstant(at, CALENDAR)));
        violations.addAll(FinancingPlan.violationsOf(details(), financingPlan().asDrafts()));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        moveTo(RequestStatus.SUBMITTED);
        handling.submitted(author, at);
    }

    /**
     * What the call's eligibility rules need to know, in euro cents: the eligible cost, public and private money,
     * and what the lead brings of the public money when it is a local authority.
     */
    public EligibilityFacts eligibilityFacts() {
        return financingPlan().eligibilityFacts(programme.code(), project.theme(), project.lead(),
                project.eligibleCost());
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

    /** The call's rules hold: the request goes to its instruction. */
    public void passEligibility() {
        moveTo(RequestStatus.IN_INSTRUCTION);
    }

    /** Its lines are reserved: the request awaits its funders' decisions. */
    public void awaitDecisions() {
        if (status != RequestStatus.AWAITING_DECISIONS) {
            moveTo(RequestStatus.AWAITING_DECISIONS);
            decisionRound++;
        }
    }

    /** An envelope cannot hold its share: the request waits for the officer's arbitration. */
    public void sendToArbitration() {
        settleIn(RequestStatus.IN_ARBITRATION);
    }

    /** Every funder approved: its reservations are posted as commitments. */
    public void approve() {
        settleIn(RequestStatus.APPROVED);
    }

    /** A funder reduced its part or asked for changes: the officer revises the plan. */
    public void sendBackForRevision() {
        settleIn(RequestStatus.TO_REVISE);
    }

    public void reject() {
        settleIn(RequestStatus.REJECTED);
    }

    /** No complements arrived before the deadline. */
    public void lapse() {
        settleIn(RequestStatus.LAPSED);
    }

    /** Cancelled before its convention. */
    public void cancel() {
        settleIn(RequestStatus.CANCELLED);
    }

    /** Every tranche paid, the rest released: the request's life is over. */
    public void close() {
        settleIn(RequestStatus.CLOSED);
    }

    private void moveTo(RequestStatus target) {
        if (!status.canMoveTo(target)) {
            throw new DomainException("request " + reference + " cannot move from " + status + " to " + target);
        }
        this.status = target;
    }

    /** Moves to {@code target} unless the request stands there already (a process step run again). */
    private void settleIn(RequestStatus target) {
        if (status != target) {
            moveTo(target);
        }
    }

    /** The plan as a value, with its arithmetic. */
    public FinancingPlan financingPlan() {
        return new FinancingPlan(plan);
    }

    /**
     * Records an organisation's decision, at one of its committee levels when it decides through levels.
     *
     * @throws DomainException when the request awaits no decision, or none from that organisation
     */
    public Decision recordDecision(Long organisationId, String level, DecisionOutcome outcome, Money amount,
                                   String comment, String author, Instant at, String taskId) {
        if (status != RequestStatus.AWAITING_DECISIONS) {
            throw new DomainException("request " + reference + " awaits no decision (it is " + status + ")");
        }
        FinancingPlan plan = financingPlan();
        if (!plan.funderIds().contains(organisationId)) {
            throw new DomainException("organisation " + organisationId + " does not finance request " + reference);
        }
        checkMayDecide(organisationId, author);
        Decision decision = Decision.on(this, organisationId, level, outcome, amount,
                plan.amountFundedBy(organisationId), comment, author, at, taskId, plan.fingerprintOf(organisationId),
                decisionRound);
        decisions.add(decision);
        return decision;
    }

    /**
     * Two people for two committee levels: in one round of decisions, a person decides for an organisation once, so
     * that a later level of the same organisation is someone else's say. A new round may ask the same people again.
     *
     * @throws SegregationOfDutiesException when {@code author} already decided for that organisation in this round
     */
    public void checkMayDecide(Long organisationId, String author) {
        boolean decidedThisRound = decisions.stream().anyMatch(d -> d.round() == decisionRound
                && d.organisationId().equals(organisationId) && d.author().equals(author));
        if (decidedThisRound) {
            throw new SegregationOfDutiesException(author + " already decided a committee level of this "
                    + "organisation on request " + reference + " in this round: another approver decides the next");
        }
    }

    public int decisionRound() {
        return decisionRound;
    }

    public FunderDecisions funderDecisions() {
        return new FunderDecisions(financingPlan(), decisions);
    }

    /** Where the funders stand by this request's decisions as read afresh from the store (oldest first). */
    public FunderDecisions funderDecisions(List<Decision> recorded) {
        return new FunderDecisions(financingPlan(), recorded);
    }

    /** Records who gave the instruction's answer; the last one to instruct is the instructing officer. */
    public void instructedBy(String officer) {
        if (status != RequestStatus.IN_INSTRUCTION) {
            throw new DomainException("request " + reference + " is not in instruction (it is " + status + ")");
        }
        handling.instructed(officer);
    }

    public RequestHandling handling() {
        return handling;
    }

    public Project project() {
        return project;
    }

    /** The project as the request states it, its coalition's partners with it. */
    public ProjectDetails details() {
        ProjectDetails details = project.details();
        return new ProjectDetails(details.title(), details.territory(), details.theme(), details.lead(),
                details.eligibleCost(), partners);
    }

    public Programme programme() {
        return programme;
    }

    public List<Partner> partners() {
        return Collections.unmodifiableList(partners);
    }

    /** Whether the organisation carries the project, as its lead or one of its partners. */
    public boolean isCarriedBy(Long organisationId) {
        return organisationId != null && details().coalitionIds().contains(organisationId);
    }

    public List<ImpactTarget> impactTargets() {
        return Collections.unmodifiableList(impactTargets);
    }

    /** Every actual reported, oldest first. */
    public List<ImpactActual> impactActuals() {
        return Collections.unmodifiableList(impactActuals);
    }

    /** The latest value reported on the indicator, if any. */
    public Optional<BigDecimal> latestActual(String indicatorCode) {
        BigDecimal latest = null;
        for (ImpactActual actual : impactActuals) {
            if (actual.code().equals(indicatorCode)) {
                latest = actual.value();
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Reports what the project achieved on its programme's indicators, with the evidence of one of its tranches.
     *
     * @throws ValidationException naming {@code actuals[i].code|value}; nothing is recorded then
     */
    public List<ImpactActual> reportActuals(Tranche tranche, List<IndicatorValue> values, String author,
                                            Instant at) {
        if (status != RequestStatus.CONTRACTED) {
            throw new DomainException("request " + reference + " is " + status + ": actuals are reported with the "
                    + "evidence of a signed convention");
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            IndicatorValue value = values.get(i);
            String field = "actuals[" + i + "]";
            if (value.code() == null || programme.indicator(value.code()).isEmpty()) {
                violations.add(new Violation(field + ".code", "is not an indicator of programme "
                        + programme.code()));
            } else if (!seen.add(value.code())) {
                violations.add(new Violation(field + ".code", "is named twice"));
            }
            violations.addAll(ImpactTarget.valueViolations(value.value(), field + ".value"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<ImpactActual> reported = values.stream().map(v -> new ImpactActual(this,
                tranche == null ? null : tranche.id(), v.code(), v.value(), author, at)).toList();
        impactActuals.addAll(reported);
        return reported;
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
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

}
