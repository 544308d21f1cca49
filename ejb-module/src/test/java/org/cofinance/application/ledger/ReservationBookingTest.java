package org.cofinance.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;
import org.junit.jupiter.api.Test;

class ReservationBookingTest {

    private final LedgerWorld world = new LedgerWorld();

    private List<ReservationOutcome> book(ReservationOrder... orders) {
        return world.booking.reserveBatch(List.of(orders));
    }

    private static ReservationOrder plan(FundingRequest request, String step) {
        return ReservationOrder.ofPlan(request.id(), step, "officer");
    }

    private ReservationOrder amount(FundingRequest request, String key, long euros) {
        return ReservationOrder.ofAmount(world.immo.id(), request.id(), world.fund.id(), Instrument.EQUITY,
                Money.euros(euros), key, "officer");
    }

    @Test
    void shouldReserveEveryLineOfAPlanLockingItsRequestBeforeTheEnvelopesAndTheirParents() {
        // given a request asking 400 € of the subsidies and 300 € of the fund
        FundingRequest request = world.requestInInstruction(400, 300);

        // when its plan is booked
        List<ReservationOutcome> outcomes = book(plan(request, "step-1"));

        // then both lines are held, the AMI envelope holding its sub-envelope's reservation too
        assertThat(outcomes).containsExactly(ReservationOutcome.HELD);
        assertThat(world.subsidies.reserved()).isEqualTo(Money.euros(400));
        assertThat(world.tiga.reserved()).isEqualTo(Money.euros(400));
        assertThat(world.immo.reserved()).isEqualTo(Money.euros(300));
        assertThat(world.ledger.entries()).extracting(LedgerEntry::kind).containsOnly(EntryKind.RESERVE);
        assertThat(world.ledger.entries()).extracting(LedgerEntry::idempotencyKey)
                .containsExactly("step-1:line:" + request.plan().get(0).id(),
                        "step-1:line:" + request.plan().get(1).id());
        assertThat(world.locks.locks()).containsExactly("request " + request.id() + " (shared)", "envelope 10",
                "envelope 11", "envelope 12");
    }

    @Test
    void shouldDecideEachOrderOnTheBalancesTheOrdersBeforeItLeftAndHoldAPlanAllOrNothing() {
        // given two requests asking 400 € each of the 700 € of subsidies
        FundingRequest first = world.requestInInstruction(400, 100);
        FundingRequest second = world.requestInInstruction(400, 100);

        // when both plans come in one batch
        List<ReservationOutcome> outcomes = book(plan(first, "a"), plan(second, "b"));

        // then the first is held, the second holds nothing at all, not even its line on the fund
        assertThat(outcomes).containsExactly(ReservationOutcome.HELD, ReservationOutcome.NOT_HELD);
        assertThat(world.subsidies.reserved()).isEqualTo(Money.euros(400));
        assertThat(world.immo.reserved()).isEqualTo(Money.euros(100));
        assertThat(world.ledger.commitments()).allMatch(c -> c.requestId().equals(first.id()));
    }

    @Test
    void shouldBookAPlanOnceWhenItsStepComesTwiceOrRunsAgain() {
        FundingRequest request = world.requestInInstruction(200, 100);

        // when the same step comes twice in one batch (a job run twice at once), then once more later (a retry)
        assertThat(book(plan(request, "step"), plan(request, "step")))
                .containsExactly(ReservationOutcome.HELD, ReservationOutcome.HELD);
        assertThat(book(plan(request, "step"))).containsExactly(ReservationOutcome.HELD);

        // then its lines were reserved once
        assertThat(world.ledger.entries()).hasSize(2);
        assertThat(world.subsidies.reserved()).isEqualTo(Money.euros(200));
    }

    @Test
    void shouldRefuseAKeyReusedForAnotherAmountWithoutFailingTheOtherOrders() {
        FundingRequest request = world.requestInInstruction(100, 100);

        // when one key asks 100 €, then 200 €, in one batch, beside an order of its own
        List<ReservationOutcome> outcomes = book(amount(request, "k1", 100), amount(request, "k1", 200),
                amount(request, "k2", 50));

        // then the first and the third are held, the second refused
        assertThat(outcomes.get(0).fits()).isTrue();
        assertThat(outcomes.get(1).refusal()).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(outcomes.get(2).fits()).isTrue();
        assertThat(world.immo.reserved()).isEqualTo(Money.euros(150));

        // and the same key with the same amount in a later batch answers the first reservation, moving nothing
        ReservationOutcome again = book(amount(request, "k1", 100)).get(0);
        assertThat(again.commitmentId()).isEqualTo(outcomes.get(0).commitmentId());
        assertThat(book(amount(request, "k1", 101)).get(0).refusal())
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(world.immo.reserved()).isEqualTo(Money.euros(150));
    }

    @Test
    void shouldHoldNothingForARequestThatReachedItsEndAndRefuseAnUnknownOne() {
        FundingRequest rejected = world.requestInInstruction(100, 100);
        rejected.reject();

        List<ReservationOutcome> outcomes = book(plan(rejected, "late"), ReservationOrder.ofPlan(424242L, "x", "o"));

        assertThat(outcomes.get(0)).isEqualTo(ReservationOutcome.NOT_HELD);
        assertThat(outcomes.get(1).refusal()).isInstanceOf(NotFoundException.class);
        assertThat(world.ledger.entries()).isEmpty();
    }

    @Test
    void shouldNeverHoldMoreThanAnEnvelopeCanHoldWhateverTheOrderOfTheBatch() {
        FundingRequest request = world.requestInInstruction(100, 100);

        List<ReservationOutcome> outcomes = book(amount(request, "a", 300), amount(request, "b", 150),
                amount(request, "c", 100), amount(request, "d", 50));

        assertThat(outcomes).extracting(ReservationOutcome::fits).containsExactly(true, true, false, true);
        assertThat(world.immo.reserved()).isEqualTo(Money.euros(500));
        assertThat(world.immo.available()).isEqualTo(Money.ZERO);
    }
}
