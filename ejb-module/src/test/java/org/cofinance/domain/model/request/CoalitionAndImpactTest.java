package org.cofinance.domain.model.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.domain.model.TestIds.withId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.programme.Indicator;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.junit.jupiter.api.Test;

/** A request carried by a coalition, answering a programme, with impact targets and the actuals reported after. */
class CoalitionAndImpactTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private final Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
    private final Organisation lead = withId(new Organisation("Agrinova", OrganisationKind.COMPANY, null), 3L);
    private final Organisation lab = withId(new Organisation("Université", OrganisationKind.RESEARCH, null), 4L);
    private final Organisation town = withId(new Organisation("Quetigny", OrganisationKind.MUNICIPALITY, null), 5L);
    private final Organisation stranger = withId(new Organisation("Autre", OrganisationKind.COMPANY, null), 6L);
    private final Envelope tiga = withId(new Envelope("AMI-TIGA-SUB", "AMI", cdc, null, Money.euros(10_000_000),
            null, null), 10L);
    private final Programme residence = withId(new Programme("RESIDENCE-300", "Résidence", cdc,
            LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31), List.of(Theme.HOUSING),
            List.of(new Indicator("RESEARCHERS", "Chercheurs", "persons"),
                    new Indicator("HOUSING_UNITS", "Logements", "number")), "admin", NOW), 2L);

    private ProjectDetails coalition(Organisation... partners) {
        return new ProjectDetails("Résidence", "Dijon", Theme.HOUSING, lead, Money.euros(1_000_000),
                java.util.Arrays.stream(partners).map(Partner::of).toList());
    }

    private List<PlanLineDraft> plan(Organisation secondSelfFunder) {
        return List.of(new PlanLineDraft(cdc, tiga, Instrument.SUBSIDY, Money.euros(400_000)),
                new PlanLineDraft(lead, null, Instrument.SELF_FUNDING, Money.euros(400_000)),
                new PlanLineDraft(secondSelfFunder, null, Instrument.SELF_FUNDING, Money.euros(200_000)));
    }

    private static List<ImpactTarget> targets(String researchers) {
        return List.of(new ImpactTarget("RESEARCHERS", new BigDecimal(researchers)));
    }

    private static List<String> fields(ValidationException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void shouldLetAPartnerBringItsOwnMoneyAndNoOneElse() {
        // given a coalition of the lead and a lab
        FundingRequest request = new FundingRequest("R", residence, coalition(lab), plan(lab), targets("300"),
                "officer", NOW);

        // then the lab's own money is taken, the lab carries the project, the funder does not
        assertThat(request.partners()).extracting(Partner::organisation).containsExactly(lab);
        assertThat(request.isCarriedBy(lab.id())).isTrue();
        assertThat(request.isCarriedBy(lead.id())).isTrue();
        assertThat(request.isCarriedBy(cdc.id())).isFalse();

        // and an organisation outside the coalition cannot bring its own money
        assertThatThrownBy(() -> new FundingRequest("R", residence, coalition(lab), plan(stranger), targets("300"),
                "officer", NOW)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(fields(e)).containsExactly("plan[2].organisationId"));
    }

    @Test
    void shouldRefuseTheLeadAsItsOwnPartnerAndAPartnerNamedTwice() {
        assertThatThrownBy(() -> new FundingRequest("R", residence, coalition(lab, lead, lab), plan(lab),
                targets("300"), "officer", NOW)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(fields(e)).containsExactly("partners[1].organisationId",
                        "partners[2].organisationId"));
    }

    @Test
    void shouldLeaveTheLeadWhatThePartnersDeclaredShareOfEachGrantLeavesAndNoMoreThanTheWhole() {
        ProjectDetails shared = new ProjectDetails("Résidence", "Dijon", Theme.HOUSING, lead, Money.euros(1_000_000),
                List.of(new Partner(lab, new BigDecimal("0.30")), new Partner(town, new BigDecimal("0.25"))));
        assertThat(new FundingRequest("R", residence, shared, plan(lab), targets("300"), "officer", NOW).details()
                .leadGrantShare()).isEqualByComparingTo("0.45");
        assertThat(coalition(lab).leadGrantShare()).isEqualByComparingTo("1.00");

        ProjectDetails tooMuch = new ProjectDetails("Résidence", "Dijon", Theme.HOUSING, lead,
                Money.euros(1_000_000), List.of(new Partner(lab, new BigDecimal("0.80")),
                new Partner(town, new BigDecimal("0.005")), new Partner(stranger, new BigDecimal("0.30"))));
        assertThatThrownBy(() -> new FundingRequest("R", residence, tooMuch, plan(lab), targets("300"), "officer",
                NOW)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                .containsExactly("partners[1].grantShare", "partners"));
    }

    @Test
    void shouldRefuseAThemeOutsideTheProgrammeAClosedProgrammeAndAnIndicatorItDoesNotHave() {
        // given the programme closed at the end of 2027, a request of another theme typed in 2028
        ProjectDetails energy = new ProjectDetails("Réseau", "Dijon", Theme.ENERGY, lead, Money.euros(1_000_000),
                List.of(Partner.of(town)));
        List<ImpactTarget> jobs = List.of(new ImpactTarget("JOBS", BigDecimal.TEN));

        // then each is named
        assertThatThrownBy(() -> new FundingRequest("R", residence, energy, plan(town), jobs, "officer",
                Instant.parse("2028-01-01T08:00:00Z"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(fields(e)).containsExactly("programmeCode", "theme", "indicators[0].code"));
    }

    @Test
    void shouldTakeTheProgrammesLastDayInParisTime() {
        // 31 December 2027, 23:30 in Paris is 22:30 UTC: still open
        assertThat(new FundingRequest("R", residence, coalition(lab), plan(lab), targets("300"), "officer",
                Instant.parse("2027-12-31T22:30:00Z")).programme()).isSameAs(residence);
        assertThatThrownBy(() -> new FundingRequest("R", residence, coalition(lab), plan(lab), targets("300"),
                "officer", Instant.parse("2027-12-31T23:30:00Z"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldRefuseANegativeATooPreciseOrATwiceNamedTarget() {
        List<ImpactTarget> wrong = List.of(new ImpactTarget("RESEARCHERS", new BigDecimal("-1")),
                new ImpactTarget("HOUSING_UNITS", new BigDecimal("1.00001")),
                new ImpactTarget("RESEARCHERS", BigDecimal.ONE));

        assertThatThrownBy(() -> new FundingRequest("R", residence, coalition(lab), plan(lab), wrong, "officer",
                NOW)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                .containsExactly("indicators[0].target", "indicators[1].target", "indicators[2].code"));
    }

    @Test
    void shouldKeepEveryActualAndShowTheLatest() {
        // given a signed convention
        FundingRequest request = new FundingRequest("R", residence, coalition(lab), plan(lab), targets("300"),
                "officer", NOW);
        request.submit("officer", NOW);
        request.awaitDecisions();
        request.approve();
        Tranche first = request.signConvention("officer", NOW, LocalDate.of(2026, 11, 26)).get(0);

        // when 120 researchers are reported, then 150
        request.reportActuals(first, List.of(new IndicatorValue("RESEARCHERS", new BigDecimal("120"))), "officer",
                NOW);
        request.reportActuals(first, List.of(new IndicatorValue("RESEARCHERS", new BigDecimal("150.5")),
                new IndicatorValue("HOUSING_UNITS", BigDecimal.ZERO)), "officer", NOW.plusSeconds(60));

        // then both reports are kept and the latest counts
        assertThat(request.impactActuals()).hasSize(3);
        assertThat(request.latestActual("RESEARCHERS")).contains(new BigDecimal("150.5"));
        assertThat(request.latestActual("HOUSING_UNITS")).contains(BigDecimal.ZERO);
        assertThat(request.latestActual("JOBS")).isEmpty();
    }

    @Test
    void shouldRefuseActualsOfAnUnknownIndicatorOrBeforeTheConvention() {
        FundingRequest request = new FundingRequest("R", residence, coalition(lab), plan(lab), targets("300"),
                "officer", NOW);
        assertThatThrownBy(() -> request.reportActuals(null, List.of(new IndicatorValue("RESEARCHERS",
                BigDecimal.ONE)), "officer", NOW)).isInstanceOf(DomainException.class)
                .hasMessageContaining("signed convention");

        request.submit("officer", NOW);
        request.awaitDecisions();
        request.approve();
        Tranche first = request.signConvention("officer", NOW, LocalDate.of(2026, 11, 26)).get(0);
        assertThatThrownBy(() -> request.reportActuals(first, List.of(new IndicatorValue("JOBS", BigDecimal.ONE),
                new IndicatorValue("RESEARCHERS", new BigDecimal("-2"))), "officer", NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(fields(e))
                        .containsExactly("actuals[0].code", "actuals[1].value"));
        assertThat(request.impactActuals()).isEmpty();
    }

    @Test
    void shouldGiveTheProgrammesRulesTheirCode() {
        FundingRequest request = new FundingRequest("R", residence, coalition(lab), plan(lab), targets("300"),
                "officer", NOW);

        assertThat(request.eligibilityFacts().programme()).isEqualTo("RESIDENCE-300");
        assertThat(request.eligibilityFacts().privateCents()).isEqualTo(60_000_000L);
    }
}
