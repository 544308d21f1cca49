package org.cofinance.domain.model.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.domain.model.TestIds.withId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.junit.jupiter.api.Test;

class FundingRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private final Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
    private final Organisation fund = withId(new Organisation("Fund", OrganisationKind.PRIVATE_INVESTOR, null), 2L);
    private final Organisation lead = withId(new Organisation("Agrinova", OrganisationKind.COMPANY, null), 3L);
    private final Envelope tiga = withId(new Envelope("AMI-TIGA-SUB", "AMI", cdc, null, Money.euros(1_000_000), null,
            null), 10L);
    private final Envelope immo = withId(new Envelope("FONDS-IMMO", "Immo", fund, null, Money.euros(1_000_000), null,
            null), 11L);

    private static final Programme AMI = InMemoryProgrammes.amiTiga();

    private ProjectDetails project(String cost) {
        return new ProjectDetails("Résidence", "Dijon", Theme.HOUSING, lead, Money.parse(cost));
    }

    private List<PlanLineDraft> plan() {
        return new ArrayList<>(List.of(
                new PlanLineDraft(cdc, tiga, Instrument.SUBSIDY, Money.euros(400_000)),
                new PlanLineDraft(fund, immo, Instrument.EQUITY, Money.euros(300_000)),
                new PlanLineDraft(lead, null, Instrument.SELF_FUNDING, Money.euros(300_000))));
    }

    private FundingRequest draft() {
        return new FundingRequest("CF-2026-000001", AMI, project("1000000.00"), plan(), List.of(), "officer", NOW);
    }

    private static List<String> fields(ValidationException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void shouldAcceptABalancedPlanAsADraft() {
        FundingRequest request = draft();

        assertThat(request.status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(request.plan()).hasSize(3);
        assertThat(request.financingPlan().funderIds()).containsExactly(1L, 2L);
    }

    @Test
    void shouldRefuseAPlanThatDoesNotBalanceToTheCent() {
        assertThatThrownBy(() -> new FundingRequest("R", AMI, project("1000000.01"), plan(), List.of(), "officer", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(fields(e)).containsExactly("plan");
                    assertThat(e.getMessage()).contains("1000000.00", "1000000.01");
                });
    }

    @Test
    void shouldRefuseSelfFundingThatIsNotTheLeadsOrNamesAnEnvelope() {
        List<PlanLineDraft> lines = plan();
        lines.set(2, new PlanLineDraft(fund, immo, Instrument.SELF_FUNDING, Money.euros(300_000)));

        assertThatThrownBy(() -> new FundingRequest("R", AMI, project("1000000.00"), lines, List.of(), "officer", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(fields(e)).containsExactlyInAnyOrder("plan[2].organisationId",
                                "plan[2].envelopeCode"));
    }

    @Test
    void shouldRefuseAnEnvelopeNotOwnedByTheLinesOrganisation() {
        List<PlanLineDraft> lines = plan();
        lines.set(1, new PlanLineDraft(fund, tiga, Instrument.EQUITY, Money.euros(300_000)));

        assertThatThrownBy(() -> new FundingRequest("R", AMI, project("1000000.00"), lines, List.of(), "officer", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(fields(e)).containsExactly("plan[1].envelopeCode"));
    }

    @Test
    void shouldNameEveryMissingProjectField() {
        ProjectDetails empty = new ProjectDetails(" ", null, null, null, null);

        assertThatThrownBy(() -> new FundingRequest("R", AMI, empty, plan(), List.of(), "officer", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(fields(e)).contains("title", "territory", "theme", "leadOrganisationId",
                                "eligibleCost"));
    }

    @Test
    void shouldReviseADraftInPlaceKeepingLinePositions() {
        // given a draft of three lines
        FundingRequest request = draft();

        // when its plan is rewritten with two lines and a new cost
        request.revise(AMI, project("700000.00"), List.of(
                new PlanLineDraft(cdc, tiga, Instrument.SUBSIDY, Money.euros(400_000)),
                new PlanLineDraft(lead, null, Instrument.SELF_FUNDING, Money.euros(300_000))), List.of(), NOW);

        // then the draft holds exactly the new plan, at positions 0 and 1
        assertThat(request.project().eligibleCost()).isEqualTo(Money.parse("700000.00"));
        assertThat(request.plan()).extracting(PlanLine::position).containsExactly(0, 1);
        assertThat(request.plan()).extracting(PlanLine::instrument)
                .containsExactly(Instrument.SUBSIDY, Instrument.SELF_FUNDING);
        assertThat(request.financingPlan().funderIds()).containsExactly(1L);
    }

    @Test
    void shouldRefuseARevisionThatBreaksARuleAndChangeNothing() {
        FundingRequest request = draft();

        assertThatThrownBy(() -> request.revise(AMI, project("999999.99"), plan(), List.of(), NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e)).containsExactly("plan"));
        assertThat(request.project().eligibleCost()).isEqualTo(Money.parse("1000000.00"));
        assertThat(request.plan()).hasSize(3);
    }

    @Test
    void shouldReviseOnlyADraft() {
        FundingRequest request = draft();
        request.submit("officer", NOW);

        assertThatThrownBy(() -> request.revise(AMI, project("1000000.00"), plan(), List.of(), NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("can no longer change");
    }

    @Test
    void shouldKeepTheApprovalOfAFunderWhosePartOfTheRevisedPlanDidNotChange() {
        // given the CDC approved and the fund approved a reduced amount: the plan goes back for revision
        FundingRequest request = draft();
        request.submit("officer", NOW);
        request.awaitDecisions();
        request.recordDecision(1L, null, DecisionOutcome.APPROVE, null, null, "cdc", NOW, "t1");
        request.recordDecision(2L, null, DecisionOutcome.APPROVE_REDUCED, Money.euros(200_000), null, "investor", NOW,
                "t2");
        request.sendBackForRevision();

        // when the officer lowers the fund's line and raises the lead's own money; a new project is ignored
        request.revise(AMI, new ProjectDetails("Autre", "Ailleurs", Theme.ENERGY, lead, Money.parse("5.00")),
                List.of(
                new PlanLineDraft(cdc, tiga, Instrument.SUBSIDY, Money.euros(400_000)),
                new PlanLineDraft(fund, immo, Instrument.EQUITY, Money.euros(200_000)),
                new PlanLineDraft(lead, null, Instrument.SELF_FUNDING, Money.euros(400_000))), List.of(), NOW);

        // then only the fund decides again; the project and its cost are those submitted
        assertThat(request.funderDecisions().toDecide()).containsExactly(2L);
        assertThat(request.project().title()).isEqualTo("Résidence");
        assertThat(request.project().eligibleCost()).isEqualTo(Money.parse("1000000.00"));
    }

    @Test
    void shouldLetOnePersonDecideOnlyOneLevelOfAnOrganisationInARoundButAgainInTheNextRound() {
        // given the CDC's committee approved in the first routing of the plan
        FundingRequest request = draft();
        request.submit("officer", NOW);
        request.awaitDecisions();
        request.awaitDecisions();
        request.recordDecision(1L, "NATIONAL_COMMITTEE", DecisionOutcome.APPROVE, null, null, "cdc", NOW, "t1");

        // when the same person would decide the board's level, then it is refused and nothing is recorded
        assertThatThrownBy(() -> request.checkMayDecide(1L, "cdc")).isInstanceOf(SegregationOfDutiesException.class);
        assertThatThrownBy(() -> request.recordDecision(1L, "BOARD", DecisionOutcome.APPROVE, null, null, "cdc", NOW,
                "t2")).isInstanceOf(SegregationOfDutiesException.class);
        assertThat(request.decisions()).hasSize(1);

        // while another approver of the CDC, and the same person for another organisation, may
        request.recordDecision(1L, "BOARD", DecisionOutcome.REQUEST_CHANGES, null, null, "cdc2", NOW, "t2");
        request.checkMayDecide(2L, "cdc");

        // and once the plan is routed again (a new round), the same people are asked again
        request.sendBackForRevision();
        request.awaitDecisions();
        assertThat(request.decisionRound()).isEqualTo(2);
        request.recordDecision(1L, "NATIONAL_COMMITTEE", DecisionOutcome.APPROVE, null, null, "cdc", NOW, "t3");
        assertThat(request.decisions()).extracting(Decision::round).containsExactly(1, 1, 2);
    }

    @Test
    void shouldAskEveryFunderWhenNothingWasDecidedYet() {
        FundingRequest request = draft();

        assertThat(request.funderDecisions().toDecide()).containsExactly(1L, 2L);
    }

    @Test
    void shouldSubmitADraftOnlyOnce() {
        FundingRequest request = draft();
        request.submit("officer", NOW);

        assertThat(request.status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThatThrownBy(() -> request.submit("officer", NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void shouldRecordDecisionsOnlyFromFundersAndOnlyWhileAwaitingThem() {
        FundingRequest request = draft();
        assertThatThrownBy(() -> request.recordDecision(1L, null, DecisionOutcome.APPROVE, null, null, "cdc", NOW, "t"))
                .isInstanceOf(DomainException.class);
        request.submit("officer", NOW);
        request.awaitDecisions();

        assertThatThrownBy(() -> request.recordDecision(3L, null, DecisionOutcome.APPROVE, null, null, "x", NOW, "t"))
                .isInstanceOf(DomainException.class).hasMessageContaining("does not finance");
        request.recordDecision(1L, null, DecisionOutcome.APPROVE, null, null, "cdc", NOW, "t1");
        assertThat(request.funderDecisions().allApproved()).isFalse();
        request.recordDecision(2L, null, DecisionOutcome.APPROVE, null, null, "investor", NOW, "t2");
        assertThat(request.funderDecisions().allApproved()).isTrue();
        assertThat(request.funderDecisions().anyRejected()).isFalse();
    }

    @Test
    void shouldAskAReducedApprovalForAPositiveAmountBelowTheAsk() {
        FundingRequest request = draft();
        request.submit("officer", NOW);
        request.awaitDecisions();

        assertThatThrownBy(() -> request.recordDecision(1L, null, DecisionOutcome.APPROVE_REDUCED, null, null, "cdc",
                NOW,
                "t")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> request.recordDecision(1L, null, DecisionOutcome.APPROVE_REDUCED, Money.euros(400_000),
                null, "cdc", NOW, "t")).isInstanceOf(ValidationException.class);
        Decision reduced = request.recordDecision(1L, null, DecisionOutcome.APPROVE_REDUCED, Money.euros(350_000),
                "budget", "cdc", NOW, "t");
        assertThat(reduced.amount()).contains(Money.euros(350_000));
        assertThat(request.funderDecisions().allApproved()).isFalse();
    }

    @Test
    void shouldRefuseADecisionCommentLongerThanItsColumnNamingTheFieldAndRecordNothing() {
        FundingRequest request = draft();
        request.submit("officer", NOW);
        request.awaitDecisions();

        assertThatThrownBy(() -> request.recordDecision(1L, null, DecisionOutcome.APPROVE, null,
                "x".repeat(Decision.MAX_COMMENT + 1), "cdc", NOW, "t"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("comment"));
        assertThat(request.decisions()).isEmpty();
        assertThat(request.recordDecision(1L, null, DecisionOutcome.APPROVE, null, "x".repeat(Decision.MAX_COMMENT),
                "cdc", NOW, "t").comment()).hasSize(Decision.MAX_COMMENT);
    }

    @Test
    void shouldGiveTheEligibilityRulesTheirFiguresInCents() {
        EligibilityFacts facts = draft().eligibilityFacts();

        assertThat(facts).isEqualTo(new EligibilityFacts("AMI-TIGA", "HOUSING", 100_000_000L, 40_000_000L, 60_000_000L, false,
                0L));
    }

    @Test
    void shouldCloseAnIneligibleRequestWithItsReasons() {
        FundingRequest request = draft();
        request.submit("officer", NOW);

        request.markIneligible(List.of("COST_BELOW_100000"));

        assertThat(request.status()).isEqualTo(RequestStatus.INELIGIBLE);
        assertThat(request.ineligibilityReasons()).containsExactly("COST_BELOW_100000");
        assertThatThrownBy(() -> draft().markIneligible(List.of())).isInstanceOf(DomainException.class);
    }

    @Test
    void shouldOnlyMoveAlongTheAllowedTransitions() {
        FundingRequest request = draft();

        assertThatThrownBy(() -> request.approve()).isInstanceOf(DomainException.class);
        assertThat(RequestStatus.REJECTED.isFinal()).isTrue();
        assertThat(RequestStatus.AWAITING_DECISIONS.canMoveTo(RequestStatus.TO_REVISE)).isTrue();
    }

    @Test
    void shouldStayWhereAProcessStepRunAgainLeftIt() {
        // given a request awaiting its decisions, approved by every funder
        FundingRequest request = draft();
        request.submit("officer", NOW);
        request.awaitDecisions();
        request.approve();

        // when the step that approved it runs again
        request.approve();

        // then it stays approved, and nothing moves it back
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        assertThatThrownBy(request::awaitDecisions).isInstanceOf(DomainException.class)
                .hasMessageContaining("cannot move from APPROVED to AWAITING_DECISIONS");
    }

    @Test
    void shouldPassEligibilityOnlyOnceSubmitted() {
        FundingRequest request = draft();

        assertThatThrownBy(request::passEligibility).isInstanceOf(DomainException.class);
        request.submit("officer", NOW);
        request.passEligibility();

        assertThat(request.status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
        assertThatThrownBy(request::passEligibility).isInstanceOf(DomainException.class);
    }

    @Test
    void shouldSendToArbitrationAndTryAgainWhileTheEnvelopesStillCannotHoldIt() {
        FundingRequest request = draft();
        request.submit("officer", NOW);
        request.passEligibility();

        request.sendToArbitration();
        request.sendToArbitration();

        assertThat(request.status()).isEqualTo(RequestStatus.IN_ARBITRATION);
        request.awaitDecisions();
        assertThat(request.status()).isEqualTo(RequestStatus.AWAITING_DECISIONS);
    }

    @Test
    void shouldWeighTheFundersPartsAndPublicMoneyInThePlan() {
        FinancingPlan plan = draft().financingPlan();

        assertThat(plan.funderIds()).containsExactly(1L, 2L);
        assertThat(plan.amountFundedBy(1L)).isEqualTo(Money.euros(400_000));
        assertThat(plan.amountFundedBy(3L)).isEqualTo(Money.ZERO);
        assertThat(plan.fingerprintOf(1L)).isNotEqualTo(plan.fingerprintOf(2L)).hasSize(64);
        assertThat(plan.asDrafts()).extracting(PlanLineDraft::amount)
                .containsExactly(Money.euros(400_000), Money.euros(300_000), Money.euros(300_000));
        EligibilityFacts facts = plan.eligibilityFacts("AMI-TIGA", Theme.HOUSING, lead, Money.euros(1_000_000));
        assertThat(facts).isEqualTo(draft().eligibilityFacts());
    }

    @Test
    void shouldRecordWhoHandledTheRequest() {
        FundingRequest request = draft();
        request.submit("submitter", NOW);
        request.passEligibility();
        request.instructedBy("instructor");

        assertThat(request.handling().createdBy()).isEqualTo("officer");
        assertThat(request.handling().submittedBy()).isEqualTo("submitter");
        assertThat(request.handling().wasHandledBy("officer")).isTrue();
        assertThat(request.handling().wasHandledBy("submitter")).isTrue();
        assertThat(request.handling().wasHandledBy("instructor")).isTrue();
        assertThat(request.handling().wasHandledBy("cdc")).isFalse();
    }
}
