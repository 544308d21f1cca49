package org.cofinance.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Supplier;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.support.InMemoryIdempotentResponses;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.PaymentCredit;
import org.cofinance.domain.model.ledger.PaymentCreditsExhaustedException;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitmentServiceTest {

    private final LedgerWorld world = new LedgerWorld();
    private final CommitmentService service = new CommitmentService(world.ledger.commitmentRepository,
            world.ledger.envelopeRepository, world.ledger.entryRepository, world.requests,
            new Callers(new InMemoryUsers()), new IdempotencyStore(new InMemoryIdempotentResponses(), world.clock),
            world.paymentCredits, world.clock);

    private static final Caller OFFICER = new Caller("officer", Set.of(Role.OFFICER), 1L);
    private static final Caller FINANCE = new Caller("finance", Set.of(Role.FINANCE), 1L);
    private Commitment subsidy;

    private static <T> T as(Caller caller, Supplier<T> call) {
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(caller)) {
            return call.get();
        }
    }

    private FundingRequest request;

    /** 300 € of subsidies and 100 € of the fund, committed, under a signed convention. */
    @BeforeEach
    void commit() {
        request = world.requestInInstruction(300, 100);
        world.reservations.reservePlan(request.id(), "r", "officer");
        request.awaitDecisions();
        world.ledgerService.postCommitments(request.id(), "p", "cdc");
        request.approve();
        request.signConvention("officer", world.clock.instant(), java.time.LocalDate.of(2026, 12, 1));
        world.requests.flush();
        subsidy = world.ledger.commitments().get(0);
        world.locks.forget();
    }

    private Long firstTranche() {
        return request.tranches().get(0).id();
    }

    @Test
    void shouldAskAPaymentOnlyOnEvidenceAndInAdvanceOfATrancheOfThisRequestNotYetPaid() {
        // when the ask names no tranche, no evidence, or a tranche of another request
        FundingRequest other = world.requestInInstruction(10, 10);
        other.awaitDecisions();
        other.approve();
        other.signConvention("officer", world.clock.instant(), java.time.LocalDate.of(2026, 12, 1));
        world.requests.flush();
        assertThatThrownBy(() -> as(OFFICER, () -> service.requestDisbursement(subsidy.id(),
                new CommitmentService.DisbursementAsk("10.00", null, null), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("evidence", "trancheId"));
        assertThatThrownBy(() -> as(OFFICER, () -> service.requestDisbursement(subsidy.id(),
                new CommitmentService.DisbursementAsk("10.00", "facture", other.tranches().get(0).id()), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("trancheId"));

        // then nothing is asked; asked on its own tranche, it is an advance of that tranche
        assertThat(world.ledger.commitmentRepository.pendingOf(subsidy)).isEqualTo(Money.ZERO);
        DisbursementView asked = ask("30.00", null);
        assertThat(world.ledger.commitmentRepository.advancesOn(firstTranche())).extracting(d -> d.id())
                .containsExactly(asked.id());
    }

    @Test
    void shouldShowAndLetPayAFinanceTeamItsOrganisationsCommitmentsOnly() {
        // given a payment asked on the CDC's commitment
        DisbursementView asked = ask("30.00", null);
        Caller fundFinance = new Caller("finance-investor", Set.of(Role.FINANCE), 2L);

        // when the fund's finance team reads, pays or closes it, then it does not exist for it
        assertThatThrownBy(() -> as(fundFinance, () -> service.get(subsidy.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(fundFinance, () -> service.validateDisbursement(subsidy.id(), asked.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(fundFinance, () -> service.close(subsidy.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(fundFinance, service::awaitingValidation)).isEmpty();

        // while the CDC's finance team sees it in its queue, and nothing was paid
        assertThat(as(FINANCE, service::awaitingValidation)).extracting(p -> p.disbursement().id())
                .containsExactly(asked.id());
        assertThat(subsidy.disbursed()).isEqualTo(Money.ZERO);
    }

    @Test
    void shouldPayNothingOutsideASignedConvention() {
        // given a request approved but whose convention is not signed
        FundingRequest approved = world.requestInInstruction(50, 10);
        world.reservations.reservePlan(approved.id(), "r2", "officer");
        approved.awaitDecisions();
        world.ledgerService.postCommitments(approved.id(), "p2", "cdc");
        approved.approve();
        Commitment unsigned = world.ledger.commitments().stream().filter(c -> c.requestId().equals(approved.id()))
                .findFirst().orElseThrow();

        // when an officer asks to pay part of it, then it is refused and nothing is asked
        assertThatThrownBy(() -> as(OFFICER, () -> service.requestDisbursement(unsigned.id(),
                new CommitmentService.DisbursementAsk("10.00", "milestone", firstTranche()), null)))
                .isInstanceOf(DomainException.class).hasMessageContaining("signed convention");
        assertThat(world.ledger.commitmentRepository.pendingOf(unsigned)).isEqualTo(Money.ZERO);
    }

    private DisbursementView ask(String amount, String key) {
        return as(OFFICER, () -> service.requestDisbursement(subsidy.id(),
                new CommitmentService.DisbursementAsk(amount, "milestone reached", firstTranche()), key));
    }

    @Test
    void shouldPayAnAskedDisbursementOnceFinanceValidatesItAndAskItOnceForOneKey() {
        DisbursementView asked = ask("100.00", "k1");
        assertThat(ask("100.00", "k1").id()).isEqualTo(asked.id());
        assertThat(subsidy.disbursed()).isEqualTo(Money.ZERO);
        assertThat(as(FINANCE, service::awaitingValidation)).hasSize(1);

        DisbursementView paid = as(FINANCE, () -> service.validateDisbursement(subsidy.id(), asked.id()));

        assertThat(paid.status()).isEqualTo("PAID");
        assertThat(subsidy.disbursed()).isEqualTo(Money.euros(100));
        assertThat(world.subsidies.disbursed()).isEqualTo(Money.euros(100));
        assertThat(world.locks.locks()).containsExactly("commitment " + subsidy.id(), "envelope 10", "envelope 11",
                "disbursement " + asked.id());
        assertThat(as(FINANCE, service::awaitingValidation)).isEmpty();
        assertThatThrownBy(() -> as(FINANCE, () -> service.validateDisbursement(subsidy.id(), asked.id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("already PAID");
    }

    @Test
    void shouldNeverLetWhoeverAskedForAPaymentValidateIt() {
        Caller both = new Caller("officer", Set.of(Role.OFFICER, Role.FINANCE), 1L);
        DisbursementView asked = ask("100.00", null);

        assertThatThrownBy(() -> as(OFFICER, () -> service.validateDisbursement(subsidy.id(), asked.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(both, () -> service.validateDisbursement(subsidy.id(), asked.id())))
                .isInstanceOf(SegregationOfDutiesException.class);
        assertThat(subsidy.disbursed()).isEqualTo(Money.ZERO);
    }

    @Test
    void shouldNeverAskMoreThanIsLeftCountingThePaymentsStillAwaitingValidation() {
        ask("200.00", null);

        assertThatThrownBy(() -> ask("150.00", null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most the 100.00 EUR");
        assertThat(ask("100.00", null).status()).isEqualTo("REQUESTED");
    }

    @Test
    void shouldReleaseWhatWasNotPaidAtClosingButNotWhileAPaymentWaits() {
        DisbursementView asked = ask("100.00", null);
        assertThatThrownBy(() -> as(FINANCE, () -> service.close(subsidy.id())))
                .hasMessageContaining("awaiting validation");
        as(FINANCE, () -> service.refuseDisbursement(subsidy.id(), asked.id()));

        CommitmentDetail closed = as(FINANCE, () -> service.close(subsidy.id()));

        assertThat(closed.commitment().status()).isEqualTo(CommitmentStatus.CLOSED.name());
        assertThat(world.subsidies.available()).isEqualTo(Money.euros(700));
    }

    @Test
    void shouldShowACommitmentToItsFunderOnly() {
        Caller fund = new Caller("investor", Set.of(Role.APPROVER), world.fund.id());
        Caller cdc = new Caller("cdc", Set.of(Role.APPROVER), world.cdc.id());

        assertThat(as(cdc, () -> service.get(subsidy.id())).commitment().id()).isEqualTo(subsidy.id());
        assertThatThrownBy(() -> as(fund, () -> service.get(subsidy.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(FINANCE, () -> service.get(424242L))).isInstanceOf(NotFoundException.class);
    }

    private void paid(String amount) {
        DisbursementView asked = ask(amount, null);
        as(FINANCE, () -> service.validateDisbursement(subsidy.id(), asked.id()));
    }

    private RecoveryView issue(Caller caller, String amount) {
        return as(caller, () -> service.issueRecovery(subsidy.id(), new CommitmentService.RecoveryAsk(amount,
                "expenses not eligible"), null));
    }

    @Test
    void shouldBookARecoveryOnlyWhenReceivedAndNeverPayTheRecoveredMoneyAgain() {
        // given 100 € paid on the 300 € subsidy
        paid("100.00");

        // when its finance asks 40 € back, then nothing moves until the money comes in
        RecoveryView issued = issue(FINANCE, "40.00");
        assertThat(issued.status()).isEqualTo("ISSUED");
        assertThat(subsidy.disbursed()).isEqualTo(Money.euros(100));
        RecoveryView received = as(FINANCE, () -> service.receiveRecovery(subsidy.id(), issued.id()));

        // then a RECOVER entry lowers what the commitment and its envelopes paid, and raises what it recovered
        assertThat(received.status()).isEqualTo("RECOVERED");
        assertThat(subsidy.disbursed()).isEqualTo(Money.euros(60));
        assertThat(subsidy.recovered()).isEqualTo(Money.euros(40));
        assertThat(world.subsidies.disbursed()).isEqualTo(Money.euros(60));
        assertThat(world.tiga.disbursed()).isEqualTo(Money.euros(60));
        assertThat(world.ledger.entries()).filteredOn(e -> e.kind() == EntryKind.RECOVER)
                .extracting(e -> e.amount(), e -> e.envelopeId(), e -> e.author())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Money.euros(40), world.subsidies.id(),
                        "finance"));
        // and what may still be paid is 300 − 60 − 40: the recovered 40 € are never paid again
        assertThatThrownBy(() -> ask("200.01", null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most the 200.00 EUR");
        // and closing gives the envelope back all that is not paid in the end, the recovered money included
        as(FINANCE, () -> service.close(subsidy.id()));
        assertThat(world.subsidies.committed()).isEqualTo(Money.euros(60));
        assertThat(world.subsidies.available()).isEqualTo(Money.euros(640));
    }

    @Test
    void shouldAskBackAtMostWhatWasPaidAndNotAskedBackAlready() {
        // given 100 € paid and 70 € asked back
        paid("100.00");
        RecoveryView first = issue(FINANCE, "70.00");

        // when 40 € more are asked back, then it is refused
        assertThatThrownBy(() -> issue(FINANCE, "40.00")).isInstanceOf(DomainException.class)
                .hasMessageContaining("30.00 EUR");
        // and a recovery without a reason or amount is refused naming them
        assertThatThrownBy(() -> as(FINANCE, () -> service.issueRecovery(subsidy.id(),
                new CommitmentService.RecoveryAsk("-1", " "), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("amount", "reason"));
        // once the first is cancelled (nothing moves), 40 € may be asked back
        assertThat(as(FINANCE, () -> service.cancelRecovery(subsidy.id(), first.id())).status())
                .isEqualTo("CANCELLED");
        assertThat(subsidy.disbursed()).isEqualTo(Money.euros(100));
        assertThat(issue(FINANCE, "40.00").status()).isEqualTo("ISSUED");
        assertThatThrownBy(() -> as(FINANCE, () -> service.receiveRecovery(subsidy.id(), first.id())))
                .isInstanceOf(DomainException.class).hasMessageContaining("already CANCELLED");
    }

    @Test
    void shouldLetOnlyTheFundersFinanceAskMoneyBack() {
        paid("100.00");
        Caller fundFinance = new Caller("finance-investor", Set.of(Role.FINANCE), world.fund.id());

        assertThatThrownBy(() -> issue(fundFinance, "10.00")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> issue(OFFICER, "10.00")).isInstanceOf(AccessDeniedException.class);
        RecoveryView issued = issue(FINANCE, "10.00");
        assertThatThrownBy(() -> as(fundFinance, () -> service.receiveRecovery(subsidy.id(), issued.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(subsidy.disbursed()).isEqualTo(Money.euros(100));
    }

    @Test
    void shouldNeverPayBeyondTheYearsPaymentCreditsOfTheEnvelopeOrAParentAndGiveNoCreditBackForARecovery() {
        // given 150 € of payment credits this year on the parent envelope, 100 € of them paid
        int year = PaymentCredit.yearOf(world.clock.instant());
        world.ledger.creditRepository.add(new PaymentCredit(world.tiga, year, Money.euros(150), "admin",
                world.clock.instant()));
        paid("100.00");
        as(FINANCE, () -> service.receiveRecovery(subsidy.id(), issue(FINANCE, "30.00").id()));

        // when 60 € more are validated, then it is refused and nothing moves, though 30 € came back
        DisbursementView asked = ask("60.00", null);
        int entries = world.ledger.entries().size();
        assertThatThrownBy(() -> as(FINANCE, () -> service.validateDisbursement(subsidy.id(), asked.id())))
                .isInstanceOf(PaymentCreditsExhaustedException.class)
                .hasMessageContaining("50.00 EUR left");
        assertThat(world.ledger.entries()).hasSize(entries);
        assertThat(subsidy.disbursed()).isEqualTo(Money.euros(70));

        // and 50 € pass, to the last euro of the credits
        DisbursementView rest = ask("50.00", null);
        assertThat(as(FINANCE, () -> service.validateDisbursement(subsidy.id(), rest.id())).status())
                .isEqualTo("PAID");
        assertThat(world.ledger.creditRepository.paidIn(world.tiga.id(), year)).isEqualTo(Money.euros(150));
    }

    @Test
    void shouldLockTheEnvelopesThenTheRowsEachAnswerChangesBeforeChangingThem() {
        // a refusal locks the payment asked
        DisbursementView refused = ask("10.00", null);
        world.locks.forget();
        as(FINANCE, () -> service.refuseDisbursement(subsidy.id(), refused.id()));
        assertThat(world.locks.locks()).endsWith("disbursement " + refused.id());

        // a recovery received locks the envelopes' chain, the commitment and the recovery; a cancelled one the recovery
        paid("100.00");
        RecoveryView received = issue(FINANCE, "10.00");
        RecoveryView cancelled = issue(FINANCE, "5.00");
        world.locks.forget();
        as(FINANCE, () -> service.receiveRecovery(subsidy.id(), received.id()));
        assertThat(world.locks.locks()).containsExactly("envelope 10", "envelope 11", "commitment " + subsidy.id(),
                "recovery " + received.id());
        world.locks.forget();
        RecoveryView withdrawn = as(FINANCE, () -> service.cancelRecovery(subsidy.id(), cancelled.id()));
        assertThat(world.locks.locks()).containsExactly("recovery " + cancelled.id());
        assertThat(withdrawn.status()).isEqualTo("CANCELLED");

        // the closing locks the envelopes' chain then the commitment
        world.locks.forget();
        as(FINANCE, () -> service.close(subsidy.id()));
        assertThat(world.locks.locks()).containsExactly("envelope 10", "envelope 11", "commitment " + subsidy.id());
        assertThat(world.ledger.entries()).filteredOn(e -> e.kind() == EntryKind.RELEASE).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualTo(Money.euros(210)));
    }
}
