package org.cofinance.application.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.support.InMemoryAmendments;
import org.cofinance.application.support.InMemoryIdempotentResponses;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.InsufficientFundsException;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.DecisionOutcome;
import org.cofinance.domain.model.request.EligibilityFacts;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AmendmentServiceTest {

    private static final Caller OFFICER = new Caller("officer2", Set.of(Role.OFFICER), null);

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryAmendments amendments = new InMemoryAmendments(world.locks);
    private final InMemoryOrganisations organisations = new InMemoryOrganisations(world.cdc, world.fund, world.lead);
    private final List<String> started = new ArrayList<>();
    private final List<String> brokenRules = new ArrayList<>();

    private final RequestProcess process = new RequestProcess() {
        @Override
        public String start(String reference, Long requestId, String programmeCode, String author) {
            return "pi-" + requestId;
        }

        @Override
        public boolean isRunning(String processInstanceId) {
            return true;
        }

        @Override
        public void cancel(String processInstanceId, String author) {
            throw new UnsupportedOperationException("no cancellation here");
        }

        @Override
        public String definitionOf(String processInstanceId) {
            return "funding-request:1";
        }

        @Override
        public String startAmendment(String businessKey, Long requestId, Long amendmentId, String programmeCode,
                                     String author) {
            started.add(businessKey + " by " + author);
            return "pi-amendment-" + amendmentId;
        }
    };

    private final RequestRules rules = new RequestRules() {
        @Override
        public List<String> eligibilityReasons(EligibilityFacts facts, String processDefinitionId) {
            return List.copyOf(brokenRules);
        }

        @Override
        public List<String> committeeLevels(OrganisationKind kind, Money amount, String processDefinitionId) {
            return amount.isGreaterThan(Money.euros(350)) ? List.of("FIRST", "SECOND") : List.of("FIRST");
        }
    };

    private final AmendmentService service = new AmendmentService(world.requests, amendments,
            world.ledger.commitmentRepository, world.ledger.envelopeRepository, world.ledger.entryRepository,
            new RequestDrafts(organisations, world.ledger.envelopeRepository,
                    new InMemoryProgrammes()), rules, process,
            new Callers(new InMemoryUsers()), new IdempotencyStore(new InMemoryIdempotentResponses(), world.clock),
            world.clock);
    private final AmendmentWorkflowService workflow = new AmendmentWorkflowService(amendments, world.requests,
            organisations, world.ledger.commitmentRepository, world.ledger.envelopeRepository,
            world.ledger.entryRepository, rules, world.clock);

    private FundingRequest request;
    private Commitment subsidy;
    private Commitment equity;

    private static <T> T as(Caller caller, Supplier<T> call) {
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(caller)) {
            return call.get();
        }
    }

    /** 300 € of subsidies (of 700) and 100 € of the fund (of 500) committed under a signed convention. */
    @BeforeEach
    void contract() {
        request = world.requestInInstruction(300, 100);
        world.reservations.reservePlan(request.id(), "r", "officer");
        request.awaitDecisions();
        world.ledgerService.postCommitments(request.id(), "p", "cdc");
        request.approve();
        request.signConvention("officer", world.clock.instant(), LocalDate.of(2026, 12, 1));
        world.requests.flush();
        subsidy = world.ledger.commitments().get(0);
        equity = world.ledger.commitments().get(1);
    }

    private AmendmentView file(String cdc, String fund, String lead, String cost) {
        return as(OFFICER, () -> service.file(request.id(), command(cdc, fund, lead, cost), null));
    }

    private AmendmentService.AmendmentCommand command(String cdc, String fund, String lead, String cost) {
        return new AmendmentService.AmendmentCommand("Extension du programme", cost, List.of(
                new NewRequest.Line(world.cdc.id(), "AMI-TIGA-SUB", "SUBSIDY", cdc),
                new NewRequest.Line(world.fund.id(), "FONDS-IMMO", "EQUITY", fund),
                new NewRequest.Line(world.lead.id(), null, "SELF_FUNDING", lead)));
    }

    private List<LedgerEntry> entries(EntryKind kind) {
        return world.ledger.entries().stream().filter(e -> e.kind() == kind && e.idempotencyKey()
                .startsWith("amendment:")).toList();
    }

    @Test
    void shouldReserveTheIncreaseWhenFiledAndPostItReleasingTheDecreaseOnceEveryFunderApproves() {
        // when the officer files the plan as it should become: the CDC 400 €, the fund 80 €, a cost of 580 €
        AmendmentView filed = file("400.00", "80.00", "100.00", "580.00");

        // then each funder's change is shown against what it committed, the increase alone held, the process started
        assertThat(filed.status()).isEqualTo("PENDING");
        assertThat(filed.changes()).extracting(AmendmentView.Change::organisationId, AmendmentView.Change::before,
                AmendmentView.Change::after).containsExactly(tuple(world.cdc.id(), "300.00", "400.00"),
                tuple(world.fund.id(), "100.00", "80.00"));
        assertThat(entries(EntryKind.RESERVE)).extracting(LedgerEntry::amount).containsExactly(Money.euros(100));
        assertThat(world.subsidies.reserved()).isEqualTo(Money.euros(100));
        assertThat(world.immo.committed()).isEqualTo(Money.euros(100));
        assertThat(started).containsExactly(request.reference() + "-A" + filed.id() + " by officer2");
        assertThat(workflow.fundersToDecide(filed.id())).containsExactly(world.cdc.id(), world.fund.id());
        assertThat(workflow.committeeLevels(filed.id(), world.cdc.id(), "amendment:1"))
                .as("400 € call for two levels").containsExactly("FIRST", "SECOND");
        assertThat(workflow.committeeLevels(filed.id(), world.fund.id(), "amendment:1")).containsExactly("FIRST");

        // when both funders approve, the CDC at its two levels by two people
        workflow.decide(filed.id(), world.cdc.id(), "FIRST", DecisionOutcome.APPROVE, null, "cdc", "t1");
        assertThat(workflow.stoppedAt(filed.id(), world.cdc.id())).isFalse();
        workflow.decide(filed.id(), world.cdc.id(), "SECOND", DecisionOutcome.APPROVE, null, "cdc2", "t2");
        workflow.decide(filed.id(), world.fund.id(), "FIRST", DecisionOutcome.APPROVE, "ok", "investor", "t3");
        assertThat(workflow.anyRejected(filed.id())).isFalse();
        workflow.apply(filed.id(), "investor");

        // then the increase is posted, the decrease released, the plan and the cost changed
        assertThat(subsidy.committed()).isEqualTo(Money.euros(400));
        assertThat(subsidy.reserved()).isEqualTo(Money.ZERO);
        assertThat(equity.committed()).isEqualTo(Money.euros(80));
        assertThat(world.subsidies.available()).isEqualTo(Money.euros(300));
        assertThat(world.immo.available()).isEqualTo(Money.euros(420));
        assertThat(entries(EntryKind.POST)).extracting(LedgerEntry::amount).containsExactly(Money.euros(100));
        assertThat(entries(EntryKind.RELEASE)).extracting(LedgerEntry::amount).containsExactly(Money.euros(20));
        assertThat(request.plan()).extracting(l -> l.amount().toPlainString())
                .containsExactly("400.00", "80.00", "100.00");
        assertThat(request.project().eligibleCost()).isEqualTo(Money.euros(580));
        assertThat(service.ofRequest(request.id())).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo("APPROVED");
            assertThat(a.decisions()).extracting(AmendmentView.DecisionLine::author)
                    .containsExactly("cdc", "cdc2", "investor");
        });
    }

    @Test
    void shouldVoidTheIncreaseAndChangeNothingElseWhenAFunderRefuses() {
        AmendmentView filed = file("400.00", "80.00", "100.00", "580.00");

        workflow.decide(filed.id(), world.fund.id(), "FIRST", DecisionOutcome.REJECT, "non", "investor", "t1");
        assertThat(workflow.anyRejected(filed.id())).isTrue();
        workflow.reject(filed.id(), "investor");

        assertThat(entries(EntryKind.VOID)).extracting(LedgerEntry::amount).containsExactly(Money.euros(100));
        assertThat(world.subsidies.reserved()).isEqualTo(Money.ZERO);
        assertThat(subsidy.committed()).isEqualTo(Money.euros(300));
        assertThat(equity.committed()).isEqualTo(Money.euros(100));
        assertThat(request.plan()).extracting(l -> l.amount().toPlainString())
                .containsExactly("300.00", "100.00", "100.00");
        assertThat(service.ofRequest(request.id()).get(0).status()).isEqualTo("REJECTED");
        // and a new amendment may be filed
        assertThat(file("350.00", "100.00", "100.00", "550.00").status()).isEqualTo("PENDING");
    }

    @Test
    void shouldLetAPersonDecideOneLevelOfAFunderAndNeverTheAmendmentHeFiled() {
        AmendmentView filed = file("400.00", "100.00", "100.00", "600.00");
        workflow.decide(filed.id(), world.cdc.id(), "FIRST", DecisionOutcome.APPROVE, null, "cdc", "t1");

        assertThatThrownBy(() -> workflow.decide(filed.id(), world.cdc.id(), "SECOND", DecisionOutcome.APPROVE,
                null, "cdc", "t2")).isInstanceOf(SegregationOfDutiesException.class);
        assertThatThrownBy(() -> workflow.checkMayDecide(filed.id(), world.cdc.id(), "officer2"))
                .isInstanceOf(SegregationOfDutiesException.class);
        assertThatThrownBy(() -> workflow.decide(filed.id(), world.fund.id(), "FIRST", DecisionOutcome.APPROVE,
                null, "investor", "t3")).as("the fund's amount does not change").isInstanceOf(DomainException.class);
    }

    @Test
    void shouldRefuseAnAmendmentThatMovesALineGoesBelowWhatWasPaidOrBreaksTheCallsRules() {
        // given 90 € of the subsidy paid
        world.ledger.entryRepository.record(subsidy.disburse(Money.euros(90), new org.cofinance.domain.model.ledger
                .Movement("finance", world.clock.instant(), "paid", null)));

        // when a line moves to another envelope, or the subsidy goes below what was paid, then 400 naming them
        AmendmentService.AmendmentCommand moved = new AmendmentService.AmendmentCommand("Déplacement", null, List.of(
                new NewRequest.Line(world.cdc.id(), "AMI-TIGA", "SUBSIDY", "300.00"),
                new NewRequest.Line(world.fund.id(), "FONDS-IMMO", "EQUITY", "100.00"),
                new NewRequest.Line(world.lead.id(), null, "SELF_FUNDING", "100.00")));
        assertThatThrownBy(() -> as(OFFICER, () -> service.file(request.id(), moved, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).contains("plan[0]"));
        assertThatThrownBy(() -> file("80.00", "100.00", "320.00", "500.00"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("plan[0].amount"));
        // and when the call's rules are broken, or nothing a funder decides changes
        brokenRules.add("PUBLIC_SHARE_ABOVE_HALF");
        assertThatThrownBy(() -> file("400.00", "100.00", "100.00", "600.00"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("PUBLIC_SHARE_ABOVE_HALF");
        brokenRules.clear();
        assertThatThrownBy(() -> file("300.00", "100.00", "200.00", "600.00"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least one funder");

        // then nothing was filed nor held
        assertThat(service.ofRequest(request.id())).isEmpty();
        assertThat(entries(EntryKind.RESERVE)).isEmpty();
    }

    @Test
    void shouldRefuseAnIncreaseTheEnvelopeCannotHoldAndASecondPendingAmendment() {
        // the subsidies hold 700 €, 300 € of them committed: 401 € more do not fit
        assertThatThrownBy(() -> file("701.00", "100.00", "100.00", "901.00"))
                .isInstanceOf(InsufficientFundsException.class);
        assertThat(service.ofRequest(request.id())).isEmpty();

        file("400.00", "100.00", "100.00", "600.00");
        assertThatThrownBy(() -> file("350.00", "100.00", "100.00", "550.00"))
                .isInstanceOf(DomainException.class).hasMessageContaining("awaiting its funders");
    }

    @Test
    void shouldAmendAConventionNoMoreOnceItsLastTrancheIsEvidenced() {
        // given the evidence of the last tranche recorded: the convention is being closed
        List<Tranche> tranches = request.tranches();
        tranches.get(tranches.size() - 1).recordEvidence("Rapport final", null, null, "officer",
                world.clock.instant());

        // when an amendment is filed, then it is refused and nothing is held
        assertThatThrownBy(() -> file("400.00", "100.00", "100.00", "600.00")).isInstanceOf(DomainException.class)
                .hasMessageContaining("amended no more");
        assertThat(service.ofRequest(request.id())).isEmpty();
        assertThat(entries(EntryKind.RESERVE)).isEmpty();
    }
}
