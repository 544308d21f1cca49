package org.cofinance.domain.model.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.domain.model.TestIds.withId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.ValidationException;
import org.junit.jupiter.api.Test;

class TrancheTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final LocalDate SIGNED = LocalDate.of(2026, 11, 26);
    private final Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
    private final Organisation fund = withId(new Organisation("Fund", OrganisationKind.PRIVATE_INVESTOR, null), 2L);
    private final Organisation lead = withId(new Organisation("Lead", OrganisationKind.COMPANY, null), 3L);
    private final Envelope tiga = withId(new Envelope("AMI-TIGA-SUB", "AMI", cdc, null, Money.euros(10_000_000),
            null, null), 10L);
    private final Envelope immo = withId(new Envelope("FONDS-IMMO", "Immo", fund, null, Money.euros(10_000_000),
            null, null), 11L);

    private FundingRequest approved() {
        FundingRequest request = new FundingRequest("CF-2026-000001", InMemoryProgrammes.amiTiga(),
                new ProjectDetails("Résidence", "Dijon", Theme.HOUSING, lead, Money.parse("1000000.01")), List.of(
                new PlanLineDraft(cdc, tiga, Instrument.SUBSIDY, Money.parse("333333.33")),
                new PlanLineDraft(fund, immo, Instrument.EQUITY, Money.parse("333333.34")),
                new PlanLineDraft(lead, null, Instrument.SELF_FUNDING, Money.parse("333333.34"))), List.of(),
                "officer", NOW);
        request.submit("officer", NOW);
        request.awaitDecisions();
        request.approve();
        return request;
    }

    private Commitment committed(Envelope envelope, String amount, long id) {
        Commitment c = withId(new Commitment(envelope, 1L, envelope.owner().id(), 1L, Instrument.SUBSIDY,
                Money.parse(amount), NOW), id);
        c.post(Money.parse(amount), Movement.by("cdc", NOW, "post-" + id));
        return c;
    }

    @Test
    void shouldScheduleThirtyFortyThirtyOnSignatureMidTermAndCompletion() {
        FundingRequest request = approved();

        List<Tranche> tranches = request.signConvention("officer", NOW, SIGNED);

        assertThat(request.status()).isEqualTo(RequestStatus.CONTRACTED);
        assertThat(tranches).extracting(t -> t.share().toPlainString()).containsExactly("30.00", "40.00", "30.00");
        assertThat(tranches).extracting(Tranche::dueOn).containsExactly(SIGNED, SIGNED.plusYears(1),
                SIGNED.plusYears(2));
        assertThat(request.isLastTranche(tranches.get(2))).isTrue();
        assertThatThrownBy(() -> request.signConvention("officer", NOW, SIGNED)).isInstanceOf(DomainException.class);
    }

    @Test
    void shouldPayEveryCentOfEachCommitmentOverTheThreeTranches() {
        // given two commitments whose shares do not fall on whole cents
        List<Tranche> tranches = approved().signConvention("officer", NOW, SIGNED);
        Commitment a = committed(tiga, "333333.33", 1L);
        Commitment b = committed(immo, "333333.34", 2L);

        // when each tranche is paid as scheduled
        for (Tranche tranche : tranches) {
            List<Money> payments = tranche.payments(List.of(a, b), tranche == tranches.get(2));
            a.disburse(payments.get(0), Movement.by("finance", NOW, "pay-a-" + tranche.label()));
            b.disburse(payments.get(1), Movement.by("finance", NOW, "pay-b-" + tranche.label()));
        }

        // then each commitment is paid exactly, the last tranche taking the rounding
        assertThat(a.payable()).isEqualTo(Money.ZERO);
        assertThat(b.payable()).isEqualTo(Money.ZERO);
        assertThat(a.disbursed()).isEqualTo(Money.parse("333333.33"));
    }

    @Test
    void shouldShareAJustifiedAmountInProportionToTheCent() {
        // given a first tranche scheduling 100000.00 and 100000.00 (two equal commitments)
        Tranche first = approved().signConvention("officer", NOW, SIGNED).get(0);
        Commitment a = committed(tiga, "333333.33", 1L);
        Commitment b = committed(immo, "333333.34", 2L);
        Money scheduled = first.payments(List.of(a, b), false).stream().reduce(Money.ZERO, Money::plus);

        // when the officer justifies less, an amount that does not split evenly
        first.recordEvidence("Rapport d'étape", Money.parse("100000.01"), scheduled, "officer", NOW);

        // then the shares add up to it exactly
        List<Money> payments = first.payments(List.of(a, b), false);
        assertThat(payments.get(0).plus(payments.get(1))).isEqualTo(Money.parse("100000.01"));
        assertThat(payments).allSatisfy(p -> assertThat(p.toCents()).isBetween(5_000_000L, 5_000_001L));
    }

    @Test
    void shouldRefuseAJustifiedAmountAboveTheScheduleAndAnEmptyEvidence() {
        Tranche first = approved().signConvention("officer", NOW, SIGNED).get(0);

        assertThatThrownBy(() -> first.recordEvidence("PV", Money.euros(101), Money.euros(100), "officer", NOW))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> first.recordEvidence(" ", null, null, "officer", NOW))
                .isInstanceOf(ValidationException.class);
        assertThat(first.status()).isEqualTo(Tranche.Status.SCHEDULED);
    }

    @Test
    void shouldNeverLetWhoeverRecordedTheEvidenceAnswerForAFunderAndPayOnlyAnEvidencedTranche() {
        Tranche first = approved().signConvention("officer", NOW, SIGNED).get(0);
        assertThatThrownBy(() -> first.checkValidator("fanny")).as("no evidence yet")
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(first::paidByEveryFunder).isInstanceOf(DomainException.class);

        first.recordEvidence("PV de démarrage", null, null, "olivia", NOW);
        assertThatThrownBy(() -> first.checkValidator("olivia")).isInstanceOf(SegregationOfDutiesException.class);
        first.checkValidator("fanny");

        // a funder refused it: the evidence is recorded again, and the tranche is paid once every funder paid
        first.recordEvidence("PV de démarrage signé", null, null, "olivia", NOW);
        first.paidByEveryFunder();
        assertThat(first.status()).isEqualTo(Tranche.Status.PAID);
        assertThatThrownBy(() -> first.recordEvidence("encore", null, null, "olivia", NOW))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void shouldScheduleTheTranchesThePartiesAgreedAtTheSignature() {
        FundingRequest request = approved();

        List<Tranche> tranches = request.signConvention("officer", NOW, SIGNED, List.of(
                new TrancheTerms(" Démarrage du chantier ", new BigDecimal("25.50"), SIGNED),
                new TrancheTerms("Livraison", new BigDecimal("74.50"), SIGNED.plusMonths(18))));

        assertThat(request.status()).isEqualTo(RequestStatus.CONTRACTED);
        assertThat(tranches).extracting(Tranche::label, t -> t.share().toPlainString(), Tranche::dueOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Démarrage du chantier", "25.50", SIGNED),
                        org.assertj.core.groups.Tuple.tuple("Livraison", "74.50", SIGNED.plusMonths(18)));
        assertThat(request.isLastTranche(tranches.get(1))).isTrue();
    }

    @Test
    void shouldRefuseAScheduleThatIsNotWholeOrInOrderNamingEachFieldAndChangeNothing() {
        FundingRequest request = approved();

        assertThat(fieldsRefused(request, List.of(
                new TrancheTerms("A", new BigDecimal("30.00"), SIGNED),
                new TrancheTerms("B", new BigDecimal("60.00"), SIGNED.plusYears(1))))).containsExactly("schedule");
        assertThat(fieldsRefused(request, List.of(
                new TrancheTerms(" ", new BigDecimal("50.001"), SIGNED.minusDays(1)),
                new TrancheTerms("B", new BigDecimal("0"), SIGNED.plusYears(1)),
                new TrancheTerms("C", new BigDecimal("50.00"), SIGNED.plusMonths(6)))))
                .containsExactly("schedule[0].label", "schedule[0].share", "schedule[0].dueOn", "schedule[1].share",
                        "schedule[2].dueOn");
        assertThat(request.status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(request.tranches()).isEmpty();
    }

    private static List<String> fieldsRefused(FundingRequest request, List<TrancheTerms> schedule) {
        try {
            request.signConvention("officer", NOW, SIGNED, schedule);
            throw new AssertionError("the schedule was taken");
        } catch (ValidationException e) {
            return e.violations().stream().map(org.cofinance.domain.model.shared.Violation::field).toList();
        }
    }

    @Test
    void shouldCallForEachShareToTheCentAndTheRestOnTheLastTranche() {
        // when a schedule of 30, 40 and 30 % is laid over 1 000.01 €
        List<Money> amounts = Tranche.schedule(Money.parse("1000.01"), List.of(new BigDecimal("30"),
                new BigDecimal("40"), new BigDecimal("30")));

        // then the first two are their shares rounded to the cent, the last the rest, adding up exactly
        assertThat(amounts).containsExactly(Money.parse("300.00"), Money.parse("400.00"), Money.parse("300.01"));
        assertThat(Tranche.schedule(Money.parse("1000.01"), List.of(new BigDecimal("100"))))
                .containsExactly(Money.parse("1000.01"));
        assertThat(Tranche.schedule(Money.parse("0.03"), List.of(new BigDecimal("33.33"), new BigDecimal("33.33"),
                new BigDecimal("33.34")))).containsExactly(Money.parse("0.01"), Money.parse("0.01"),
                Money.parse("0.01"));
        assertThat(Tranche.schedule(Money.parse("10.00"), List.of())).isEmpty();
    }
}
