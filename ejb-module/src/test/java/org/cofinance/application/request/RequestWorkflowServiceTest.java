package org.cofinance.application.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.request.EligibilityFacts;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.shared.Money;
import org.junit.jupiter.api.Test;

class RequestWorkflowServiceTest {

    private final LedgerWorld world = new LedgerWorld();
    private final List<String> brokenRules = new ArrayList<>();
    private final List<String> levels = new ArrayList<>(List.of("COMMITTEE"));
    private final List<String> asked = new ArrayList<>();

    /** The rules as the test sets them, remembering what they were asked. */
    private final RequestRules rules = new RequestRules() {
        @Override
        public List<String> eligibilityReasons(EligibilityFacts facts, String processDefinitionId) {
            asked.add("eligibility of " + facts.eligibleCostCents() + " cents in " + processDefinitionId);
            return List.copyOf(brokenRules);
        }

        @Override
        public List<String> committeeLevels(OrganisationKind kind, Money amount, String processDefinitionId) {
            asked.add("levels of " + kind + " for " + amount.toPlainString() + " in " + processDefinitionId);
            return List.copyOf(levels);
        }
    };

    private final OrganisationRepository organisations = new InMemoryOrganisations(world.cdc, world.fund, world.lead);

    private final RequestWorkflowService workflow = new RequestWorkflowService(world.requests, organisations,
            world.reservations, world.ledgerService, rules, world.clock);

    @Test
    void shouldCloseAnIneligibleRequestWithEveryBrokenRuleAsAReason() {
        brokenRules.addAll(List.of("COST_BELOW_100000", "PUBLIC_SHARE_ABOVE_80"));
        FundingRequest request = world.submittedRequest(100, 100);

        assertThat(workflow.checkEligibility(request.id(), "process:2")).isFalse();

        assertThat(request.status()).isEqualTo(RequestStatus.INELIGIBLE);
        assertThat(request.ineligibilityReasons()).containsExactly("COST_BELOW_100000", "PUBLIC_SHARE_ABOVE_80");
        assertThat(asked).containsExactly("eligibility of 30000 cents in process:2");
    }

    @Test
    void shouldSendAnEligibleRequestToItsInstruction() {
        FundingRequest request = world.submittedRequest(100, 100);

        assertThat(workflow.checkEligibility(request.id(), "process:1")).isTrue();

        assertThat(request.status()).isEqualTo(RequestStatus.IN_INSTRUCTION);
    }

    @Test
    void shouldAwaitTheDecisionsOnceReservedOrArbitrateWhileAnEnvelopeCannotHoldIt() {
        FundingRequest fits = world.requestInInstruction(600, 100);
        FundingRequest tooMuch = world.requestInInstruction(200, 100);

        assertThat(workflow.reserve(fits.id(), "step-1", "officer")).isTrue();
        assertThat(workflow.reserve(tooMuch.id(), "step-2", "officer")).isFalse();
        assertThat(workflow.reserve(tooMuch.id(), "step-3", "officer")).isFalse();

        assertThat(fits.status()).isEqualTo(RequestStatus.AWAITING_DECISIONS);
        assertThat(tooMuch.status()).isEqualTo(RequestStatus.IN_ARBITRATION);
        assertThat(world.subsidies.reserved()).isEqualTo(Money.euros(600));
    }

    @Test
    void shouldPostTheCommitmentsWhenApprovedAndVoidTheReservationsWhenRejected() {
        FundingRequest approved = world.requestInInstruction(300, 100);
        FundingRequest rejected = world.requestInInstruction(300, 100);
        workflow.reserve(approved.id(), "r1", "officer");
        workflow.reserve(rejected.id(), "r2", "officer");

        workflow.approve(approved.id(), "a1", "cdc");
        workflow.reject(rejected.id(), "j1", "cdc");

        assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
        assertThat(world.ledger.commitments()).filteredOn(c -> c.requestId().equals(approved.id()))
                .extracting(Commitment::status).containsOnly(CommitmentStatus.COMMITTED);
        assertThat(world.ledger.commitments()).filteredOn(c -> c.requestId().equals(rejected.id()))
                .extracting(Commitment::status).containsOnly(CommitmentStatus.RELEASED);
        assertThat(world.subsidies.committed()).isEqualTo(Money.euros(300));
        assertThat(world.subsidies.reserved()).isEqualTo(Money.ZERO);
    }

    @Test
    void shouldReleaseTheCommitmentsOfARequestCancelledAfterItsApproval() {
        FundingRequest request = world.requestInInstruction(300, 100);
        workflow.reserve(request.id(), "r", "officer");
        workflow.approve(request.id(), "a", "cdc");

        workflow.cancel(request.id(), "c", "officer");

        assertThat(request.status()).isEqualTo(RequestStatus.CANCELLED);
        assertThat(world.tiga.available()).isEqualTo(Money.euros(1_000));
        assertThat(world.immo.available()).isEqualTo(Money.euros(500));
    }

    @Test
    void shouldAskTheRulesWhichLevelsDecideOnWhatTheFunderIsAsked() {
        FundingRequest request = world.requestInInstruction(300, 100);
        levels.add("BOARD");

        assertThat(workflow.committeeLevels(request.id(), world.fund.id(), "process:3"))
                .containsExactly("COMMITTEE", "BOARD");
        assertThat(asked).containsExactly("levels of PRIVATE_INVESTOR for 100.00 in process:3");

        levels.clear();
        assertThatThrownBy(() -> workflow.committeeLevels(request.id(), world.cdc.id(), "process:3"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("names no level for CDC");
    }

    @Test
    void shouldScheduleTheTranchesOfTheSignedConventionAndDueThemOnTheMorningOfTheirDay() {
        FundingRequest request = world.requestInInstruction(300, 100);
        workflow.reserve(request.id(), "r", "officer");
        workflow.approve(request.id(), "a", "cdc");

        workflow.contract(request.id(), "officer");

        assertThat(request.status()).isEqualTo(RequestStatus.CONTRACTED);
        List<Long> tranches = workflow.trancheIds(request.id());
        assertThat(tranches).hasSize(3);
        assertThat(workflow.trancheDue(tranches.get(0)).toInstant().toString()).isEqualTo("2026-11-26T08:00:00Z");
    }

    @Test
    void shouldVoidTheReservationsOfARequestSentBackForRevisionOrLapsed() {
        FundingRequest revised = world.requestInInstruction(300, 100);
        FundingRequest lapsed = world.requestInInstruction(100, 100);
        workflow.reserve(revised.id(), "r1", "officer");

        workflow.sendBackForRevision(revised.id(), "s1", "investor");
        workflow.lapse(lapsed.id(), "l1", "officer");

        assertThat(revised.status()).isEqualTo(RequestStatus.TO_REVISE);
        assertThat(lapsed.status()).isEqualTo(RequestStatus.LAPSED);
        assertThat(world.ledger.commitments()).extracting(Commitment::status).containsOnly(CommitmentStatus.RELEASED);
        assertThat(world.subsidies.reserved()).isEqualTo(Money.ZERO);
        assertThat(world.immo.available()).isEqualTo(Money.euros(500));
    }

    @Test
    void shouldAnswerTheProcessWhoStillDecidesWhoStoppedAndWhetherAllApproved() {
        // given a request awaiting its two funders
        FundingRequest request = world.requestInInstruction(300, 100);
        workflow.reserve(request.id(), "r", "officer");
        assertThat(workflow.fundersToDecide(request.id())).containsExactly(world.cdc.id(), world.fund.id());
        assertThat(workflow.allApproved(request.id())).isFalse();

        // when the CDC approves and the fund asks for changes
        request.recordDecision(world.cdc.id(), "COMMITTEE", DecisionOutcome.APPROVE, null, null, "cdc",
                LedgerWorld.NOW, "t1");
        assertThat(workflow.fundersToDecide(request.id())).containsExactly(world.fund.id());
        request.recordDecision(world.fund.id(), "COMMITTEE", DecisionOutcome.REQUEST_CHANGES, null, null,
                "investor", LedgerWorld.NOW, "t2");

        // then the fund's chain stops there, not the CDC's; nobody rejected; not all approved
        assertThat(workflow.stoppedAt(request.id(), world.fund.id())).isTrue();
        assertThat(workflow.stoppedAt(request.id(), world.cdc.id())).isFalse();
        assertThat(workflow.anyRejected(request.id())).isFalse();
        assertThat(workflow.allApproved(request.id())).isFalse();
    }

    @Test
    void shouldKnowEveryFunderApprovedOrOneRejected() {
        FundingRequest approved = world.requestInInstruction(300, 100);
        FundingRequest rejected = world.requestInInstruction(100, 100);
        workflow.reserve(approved.id(), "r1", "officer");
        workflow.reserve(rejected.id(), "r2", "officer");
        approved.recordDecision(world.cdc.id(), null, DecisionOutcome.APPROVE, null, null, "cdc", LedgerWorld.NOW,
                "t1");
        approved.recordDecision(world.fund.id(), null, DecisionOutcome.APPROVE, null, null, "investor",
                LedgerWorld.NOW, "t2");
        rejected.recordDecision(world.fund.id(), null, DecisionOutcome.REJECT, null, null, "investor",
                LedgerWorld.NOW, "t3");

        assertThat(workflow.allApproved(approved.id())).isTrue();
        assertThat(workflow.anyRejected(approved.id())).isFalse();
        assertThat(workflow.fundersToDecide(approved.id())).isEmpty();
        assertThat(workflow.anyRejected(rejected.id())).isTrue();
        assertThat(workflow.allApproved(rejected.id())).isFalse();
    }

    @Test
    void shouldConfirmATranchePaidOnlyOnceEveryFunderPaidItAndCloseTheRequestReleasingTheRest() {
        // given a contracted request whose first tranche is evidenced and asked
        FundingRequest request = world.requestInInstruction(300, 100);
        workflow.reserve(request.id(), "r", "officer");
        workflow.approve(request.id(), "a", "cdc");
        workflow.contract(request.id(), "officer");
        workflow.contract(request.id(), "someone else");
        assertThat(request.handling().conventionSignedBy()).as("signed once").isEqualTo("officer");
        Tranche first = request.tranches().get(0);
        first.recordEvidence("signed", null, null, "officer", LedgerWorld.NOW);
        world.ledgerService.askTranchePayments(first.id());
        assertThat(workflow.fundersToPay(first.id())).containsExactly(world.cdc.id(), world.fund.id());

        // then it is not paid until both funders paid it
        assertThat(workflow.tranchePaid(first.id())).isFalse();
        assertThatThrownBy(() -> workflow.confirmTranchePaid(first.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unpaid");
        world.ledgerService.payTrancheShare(first.id(), world.cdc.id(), "finance");
        world.ledgerService.payTrancheShare(first.id(), world.fund.id(), "finance-investor");
        assertThat(workflow.tranchePaid(first.id())).isTrue();
        workflow.confirmTranchePaid(first.id());

        // when the request closes, what was not paid goes back
        workflow.close(request.id(), "close", "finance");
        assertThat(request.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(world.subsidies.committed()).isEqualTo(Money.euros(90));
        assertThat(world.immo.committed()).isEqualTo(Money.euros(30));
    }

    @Test
    void shouldNameTheUnknownRequestTrancheOrOrganisation() {
        FundingRequest request = world.requestInInstruction(300, 100);

        assertThatThrownBy(() -> workflow.reserve(404L, "r", "officer")).isInstanceOf(NotFoundException.class)
                .hasMessage("no request 404");
        assertThatThrownBy(() -> workflow.tranchePaid(405L)).isInstanceOf(NotFoundException.class)
                .hasMessage("no tranche 405");
        assertThatThrownBy(() -> workflow.trancheDue(406L)).isInstanceOf(NotFoundException.class)
                .hasMessage("no tranche 406");
        assertThatThrownBy(() -> workflow.committeeLevels(request.id(), 407L, "p")).isInstanceOf(
                NotFoundException.class).hasMessage("no organisation 407");
        assertThat(workflow.eligibilityReasons(request.id(), "p")).isEmpty();
        brokenRules.add("COST_BELOW_100000");
        assertThat(workflow.eligibilityReasons(request.id(), "p")).containsExactly("COST_BELOW_100000");
    }
}
