package org.cofinance.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.LedgerWorld.NOW;
import static org.cofinance.application.support.LedgerWorld.TODAY;

import java.util.List;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.junit.jupiter.api.Test;

class LedgerServiceTest {

    private final LedgerWorld world = new LedgerWorld();

    private FundingRequest reserved(long cdcEuros, long fundEuros) {
        FundingRequest request = world.requestInInstruction(cdcEuros, fundEuros);
        assertThat(world.reservations.reservePlan(request.id(), "reserve", "officer")).isTrue();
        request.awaitDecisions();
        world.locks.forget();
        return request;
    }

    /** Reserved, its commitments posted, approved and contracted: its tranches scheduled. */
    private FundingRequest contracted(long cdcEuros, long fundEuros) {
        FundingRequest request = reserved(cdcEuros, fundEuros);
        world.ledgerService.postCommitments(request.id(), "approve", "cdc");
        request.approve();
        request.signConvention("officer", NOW, TODAY);
        world.requests.flush();
        return request;
    }

    private List<EntryKind> kinds() {
        return world.ledger.entries().stream().map(LedgerEntry::kind).toList();
    }

    @Test
    void shouldPostEveryReservationLockingTheRequestBeforeItsEnvelopes() {
        FundingRequest request = reserved(400, 300);

        world.ledgerService.postCommitments(request.id(), "approve", "cdc");

        assertThat(world.locks.locks()).containsExactly("request " + request.id(), "envelope 10", "envelope 11",
                "envelope 12");
        assertThat(world.ledger.commitments()).extracting(Commitment::status).containsOnly(CommitmentStatus.COMMITTED);
        assertThat(world.subsidies.reserved()).isEqualTo(Money.ZERO);
        assertThat(world.subsidies.committed()).isEqualTo(Money.euros(400));
        assertThat(world.tiga.committed()).isEqualTo(Money.euros(400));
        assertThat(world.immo.committed()).isEqualTo(Money.euros(300));
        assertThat(kinds()).containsExactly(EntryKind.RESERVE, EntryKind.RESERVE, EntryKind.POST, EntryKind.POST);
    }

    @Test
    void shouldGiveEveryReservationBackWhenVoidedLockingTheRequestFirst() {
        FundingRequest request = reserved(400, 300);

        world.ledgerService.voidReservations(request.id(), "reject", "cdc");

        assertThat(world.locks.locks().get(0)).isEqualTo("request " + request.id());
        assertThat(world.tiga.available()).isEqualTo(Money.euros(1_000));
        assertThat(world.immo.available()).isEqualTo(Money.euros(500));
        assertThat(world.ledger.commitments()).extracting(Commitment::status).containsOnly(CommitmentStatus.RELEASED);
        assertThat(kinds()).endsWith(EntryKind.VOID, EntryKind.VOID);
    }

    @Test
    void shouldPayATrancheFunderByFunderOnceAndReleaseWhatWasNotPaidAtClosing() {
        // given an approved, contracted request: 400 € of subsidies (CDC) and 300 € of the fund committed
        FundingRequest request = contracted(400, 300);
        Tranche first = request.tranches().get(0);

        // when the officer records the first tranche's evidence (30 %)
        first.recordEvidence("signed", null, null, "officer", NOW);
        world.ledgerService.askTranchePayments(first.id());

        // then each funder is asked its share, which the officer himself may not validate
        assertThat(world.ledgerService.fundersToPay(first.id())).containsExactly(world.cdc.id(), world.fund.id());
        assertThatThrownBy(() -> world.ledgerService.payTrancheShare(first.id(), world.cdc.id(), "officer"))
                .isInstanceOf(SegregationOfDutiesException.class);

        // when the CDC's finance pays its share and the fund's refuses the evidence
        world.ledgerService.payTrancheShare(first.id(), world.cdc.id(), "finance");
        world.ledgerService.refuseTrancheShare(first.id(), world.fund.id(), "finance-investor");

        // then the CDC's 30 % is paid, the fund's is not, and the tranche waits
        assertThat(world.ledger.commitments()).extracting(Commitment::disbursed)
                .containsExactly(Money.euros(120), Money.ZERO);
        assertThat(first.status()).isEqualTo(Tranche.Status.EVIDENCED);
        assertThat(world.ledgerService.fundersToPay(first.id())).isEmpty();

        // when the evidence is recorded again, then only the fund is asked, and its payment settles the tranche
        first.recordEvidence("signed, with the missing page", null, null, "officer", NOW);
        world.ledgerService.askTranchePayments(first.id());
        assertThat(world.ledgerService.fundersToPay(first.id())).containsExactly(world.fund.id());
        world.ledgerService.payTrancheShare(first.id(), world.fund.id(), "finance-investor");
        assertThat(first.status()).isEqualTo(Tranche.Status.PAID);
        assertThat(world.ledger.commitments()).extracting(Commitment::disbursed)
                .containsExactly(Money.euros(120), Money.euros(90));
        assertThat(world.tiga.disbursed()).isEqualTo(Money.euros(120));
        assertThat(kinds().stream().filter(EntryKind.DISBURSE::equals)).hasSize(2);

        // and a second validation of a share pays nothing more
        assertThatThrownBy(() -> world.ledgerService.payTrancheShare(first.id(), world.fund.id(), "finance-investor"))
                .isInstanceOf(DomainException.class);
        assertThat(kinds().stream().filter(EntryKind.DISBURSE::equals)).hasSize(2);

        // and at closing the rest goes back to the envelopes
        world.ledgerService.closeCommitments(request.id(), "close", "finance");
        assertThat(world.subsidies.committed()).isEqualTo(Money.euros(120));
        assertThat(world.subsidies.available()).isEqualTo(Money.euros(580));
        assertThat(world.immo.available()).isEqualTo(Money.euros(410));
        assertThat(kinds()).contains(EntryKind.RELEASE);
    }

    @Test
    void shouldDeductFromAFundersShareWhatWasPaidInAdvanceOfThatTranche() {
        // given a contracted request, and 50 € of the CDC's commitment paid in advance of its first tranche
        FundingRequest request = contracted(400, 300);
        Tranche first = request.tranches().get(0);
        Commitment cdc = world.ledger.commitments().get(0);
        Disbursement advance = Disbursement.inAdvanceOf(first.id(), cdc, Money.euros(50), Money.ZERO, "facture",
                "officer", NOW);
        world.ledger.commitmentRepository.add(advance);
        advance.pay("finance", new Movement("finance", NOW, "advance-1", "facture"));

        // when the first tranche's evidence asks each funder's 30 %
        first.recordEvidence("signed", null, null, "officer", NOW);
        world.ledgerService.askTranchePayments(first.id());

        // then the CDC is asked 120 € less the 50 € advanced, the fund its whole 90 €
        assertThat(world.ledger.commitmentRepository.ofTranche(first.id())).extracting(Disbursement::amount)
                .containsExactly(Money.euros(70), Money.euros(90));
    }

    @Test
    void shouldScheduleATrancheOverEveryCommitmentAsTheyStand() {
        FundingRequest request = contracted(400, 300);

        assertThat(world.ledgerService.scheduledTotal(request.tranches().get(1))).isEqualTo(Money.euros(280));
        assertThat(world.ledgerService.scheduledTotal(request.tranches().get(2))).isEqualTo(Money.euros(700));
    }
}
