package org.cofinance.application.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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
}
