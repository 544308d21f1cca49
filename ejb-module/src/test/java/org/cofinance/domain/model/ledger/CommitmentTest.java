package org.cofinance.domain.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.domain.model.TestIds.withId;

import java.time.Instant;
import java.util.List;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommitmentTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private Envelope tiga;
    private Envelope subsidies;
    private Envelope equity;

    @BeforeEach
    void envelopes() {
        Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
        tiga = withId(new Envelope("AMI-TIGA", "AMI", cdc, null, Money.euros(1000), null, null), 10L);
        subsidies = withId(new Envelope("AMI-TIGA-SUB", "Sub", cdc, tiga, Money.euros(700), null, null), 11L);
        equity = withId(new Envelope("AMI-TIGA-EQ", "Eq", cdc, tiga, Money.euros(500), null, null), 12L);
    }

    private Commitment reserve(Envelope envelope, long euros, long id) {
        return withId(new Commitment(envelope, 1L, 2L, 1L, Instrument.SUBSIDY, Money.euros(euros), NOW), id);
    }

    private static Movement movement(String key) {
        return Movement.by("tester", NOW, key);
    }

    @Test
    void shouldHoldAReservationOnTheEnvelopeAndEveryParent() {
        // when 300 € are reserved on the subsidies sub-envelope
        Commitment commitment = reserve(subsidies, 300, 1);

        // then both the sub-envelope and its parent hold them
        assertThat(commitment.status()).isEqualTo(CommitmentStatus.RESERVED);
        assertThat(subsidies.reserved()).isEqualTo(Money.euros(300));
        assertThat(tiga.reserved()).isEqualTo(Money.euros(300));
        assertThat(tiga.available()).isEqualTo(Money.euros(700));
        assertThat(commitment.reservationEntry(movement("k")).kind()).isEqualTo(EntryKind.RESERVE);
    }

    @Test
    void shouldRefuseToHoldNothingOrLessThanNothing() {
        // given 300 € held on the subsidies sub-envelope
        reserve(subsidies, 300, 1);

        // when a commitment of 0 € or of -5 € is asked
        // then it is refused and neither the sub-envelope nor its parent moves
        assertThatThrownBy(() -> reserve(subsidies, 0, 2)).isInstanceOf(DomainException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> reserve(subsidies, -5, 3)).isInstanceOf(DomainException.class)
                .hasMessageContaining("positive");
        assertThat(subsidies.reserved()).isEqualTo(Money.euros(300));
        assertThat(tiga.reserved()).isEqualTo(Money.euros(300));
    }

    @Test
    void shouldNeverLetTwoSubEnvelopesTogetherExceedTheirParent() {
        // given 600 € reserved on subsidies
        reserve(subsidies, 600, 1);

        // when 500 € are asked of equity, which alone could hold them
        // then the parent refuses: only 400 € are left in it
        assertThat(equity.canHold(Money.euros(500))).isFalse();
        assertThatThrownBy(() -> reserve(equity, 500, 2))
                .isInstanceOf(InsufficientFundsException.class)
                .hasMessageContaining("AMI-TIGA ");
        assertThat(equity.reserved()).isEqualTo(Money.ZERO);
        assertThat(tiga.reserved()).isEqualTo(Money.euros(600));
    }

    @Test
    void shouldPostLessThanReservedAndReturnTheRestAsAVoid() {
        // given a reservation of 300 €
        Commitment commitment = reserve(subsidies, 300, 1);

        // when 250 € are posted
        List<LedgerEntry> entries = commitment.post(Money.euros(250), movement("post"));

        // then 250 € are committed and 50 € go back to the envelope, each as an entry
        assertThat(entries).extracting(LedgerEntry::kind, LedgerEntry::amount, LedgerEntry::idempotencyKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EntryKind.POST, Money.euros(250), "post"),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.VOID, Money.euros(50), "post:rest"));
        assertThat(commitment.committed()).isEqualTo(Money.euros(250));
        assertThat(subsidies.reserved()).isEqualTo(Money.ZERO);
        assertThat(subsidies.committed()).isEqualTo(Money.euros(250));
        assertThat(tiga.available()).isEqualTo(Money.euros(750));
    }

    @Test
    void shouldVoidTheWholeReservation() {
        Commitment commitment = reserve(subsidies, 300, 1);

        LedgerEntry entry = commitment.voidReservation(movement("void"));

        assertThat(entry.amount()).isEqualTo(Money.euros(300));
        assertThat(commitment.status()).isEqualTo(CommitmentStatus.RELEASED);
        assertThat(tiga.reserved()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> commitment.post(Money.euros(1), movement("late")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void shouldNeverDisburseMoreThanCommittedAndReleaseTheRestAtClosing() {
        // given 300 € committed
        Commitment commitment = reserve(subsidies, 300, 1);
        commitment.post(Money.euros(300), movement("post"));

        // when 90 € then 120 € are paid
        commitment.disburse(Money.euros(90), movement("t1"));
        commitment.disburse(Money.euros(120), movement("t2"));

        // then no more than the 90 € left can be paid
        assertThatThrownBy(() -> commitment.disburse(Money.euros(91), movement("t3")))
                .isInstanceOf(DomainException.class);
        assertThat(tiga.disbursed()).isEqualTo(Money.euros(210));

        // when the commitment closes, the undisbursed 90 € return to the envelopes
        List<LedgerEntry> released = commitment.close(movement("close"));
        assertThat(released).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.RELEASE);
            assertThat(e.amount()).isEqualTo(Money.euros(90));
        });
        assertThat(commitment.status()).isEqualTo(CommitmentStatus.CLOSED);
        assertThat(subsidies.committed()).isEqualTo(Money.euros(210));
        assertThat(tiga.available()).isEqualTo(Money.euros(790));
    }

    @Test
    void shouldNotAmendACeilingBelowWhatIsHeld() {
        reserve(subsidies, 300, 1);

        assertThatThrownBy(() -> subsidies.amend(Money.euros(299), Money.ZERO, reason()))
                .isInstanceOf(CeilingBelowUsageException.class);
        assertThatThrownBy(() -> subsidies.amend(Money.euros(1001), Money.ZERO, reason()))
                .isInstanceOf(CeilingBelowUsageException.class);
        assertThatThrownBy(() -> tiga.amend(Money.euros(600), Money.euros(700), reason()))
                .isInstanceOf(CeilingBelowUsageException.class);
        assertThatThrownBy(() -> subsidies.amend(Money.euros(400), Money.ZERO, Movement.by("admin", NOW, "k")))
                .isInstanceOf(DomainException.class).hasMessageContaining("reason");
        LedgerEntry entry = subsidies.amend(Money.euros(300), Money.ZERO, reason());
        assertThat(entry.kind()).isEqualTo(EntryKind.AMEND);
        assertThat(entry.amount()).isEqualTo(Money.euros(300));
        assertThat(subsidies.available()).isEqualTo(Money.ZERO);
    }

    private static Movement reason() {
        return new Movement("admin", NOW, "amend-" + System.nanoTime(), "avenant n°1");
    }

    @Test
    void shouldBeOpenOnlyWithinItsOwnAndItsParentsValidity() {
        Organisation cdc = tiga.owner();
        Envelope parent = withId(new Envelope("PARENT", "p", cdc, null, Money.euros(10), java.time.LocalDate.of(2026, 1, 1),
                java.time.LocalDate.of(2026, 12, 31)), 20L);
        Envelope child = withId(new Envelope("CHILD", "c", cdc, parent, Money.euros(10), null,
                java.time.LocalDate.of(2026, 6, 30)), 21L);

        assertThat(child.isOpenOn(java.time.LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(child.isOpenOn(java.time.LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(child.isOpenOn(java.time.LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(tiga.isOpenOn(java.time.LocalDate.of(1999, 1, 1))).isTrue();
    }

    @Test
    void shouldRefuseASubEnvelopeLargerThanItsParent() {
        Organisation cdc = tiga.owner();
        assertThatThrownBy(() -> new Envelope("TOO-BIG", "x", cdc, tiga, Money.euros(1001), null, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("does not fit inside its parent");
    }
}
