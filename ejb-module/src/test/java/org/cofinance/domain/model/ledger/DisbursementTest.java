package org.cofinance.domain.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.domain.model.TestIds.withId;

import java.time.Instant;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DisbursementTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private Commitment commitment;

    @BeforeEach
    void committed() {
        Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
        Envelope envelope = withId(new Envelope("ENV", "Env", cdc, null, Money.euros(1000), null, null), 1L);
        commitment = withId(new Commitment(envelope, 1L, 1L, 1L, Instrument.SUBSIDY, Money.euros(100), NOW), 1L);
        commitment.post(Money.euros(100), Movement.by("cdc", NOW, "post"));
    }

    @Test
    void shouldNeverBeValidatedByWhoeverAskedForIt() {
        Disbursement disbursement = new Disbursement(commitment, Money.euros(30), Money.ZERO, "signature", "anna",
                NOW);

        assertThatThrownBy(() -> disbursement.pay("anna", Movement.by("anna", NOW, "pay")))
                .isInstanceOf(SegregationOfDutiesException.class);
        assertThat(commitment.disbursed()).isEqualTo(Money.ZERO);

        LedgerEntry entry = disbursement.pay("bruno", Movement.by("bruno", NOW, "pay"));
        assertThat(entry.kind()).isEqualTo(EntryKind.DISBURSE);
        assertThat(disbursement.status()).isEqualTo(DisbursementStatus.PAID);
        assertThatThrownBy(() -> disbursement.pay("bruno", Movement.by("bruno", NOW, "pay-again")))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void shouldNotAskMoreThanIsLeftOnceOtherPendingTranchesAreCounted() {
        assertThatThrownBy(() -> new Disbursement(commitment, Money.euros(71), Money.euros(30), null, "anna", NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("70.00");
        assertThat(new Disbursement(commitment, Money.euros(70), Money.euros(30), null, "anna", NOW).amount())
                .isEqualTo(Money.euros(70));
    }

    @Test
    void shouldRefuseATrancheOfAReservationNotYetCommitted() {
        Commitment reserved = withId(new Commitment(commitment.envelope(), 2L, 2L, 1L, Instrument.SUBSIDY,
                Money.euros(10), NOW), 2L);

        assertThatThrownBy(() -> new Disbursement(reserved, Money.euros(1), Money.ZERO, null, "anna", NOW))
                .isInstanceOf(DomainException.class);
    }
}
