package org.cofinance.domain.model.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.domain.model.TestIds.withId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private final Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
    private final Organisation region = withId(new Organisation("Région", OrganisationKind.REGION, null), 2L);

    private Programme residence(LocalDate closesOn) {
        return new Programme("RESIDENCE-300", "Résidence", cdc, LocalDate.of(2024, 1, 1), closesOn,
                List.of(Theme.HOUSING), List.of(new Indicator("RESEARCHERS", "Chercheurs", "persons")), "admin",
                NOW);
    }

    @Test
    void shouldTakeRequestsFromItsOpeningToItsClosingDayIncluded() {
        Programme programme = residence(LocalDate.of(2027, 6, 30));

        assertThat(programme.isOpenOn(LocalDate.of(2023, 12, 31))).isFalse();
        assertThat(programme.isOpenOn(LocalDate.of(2024, 1, 1))).isTrue();
        assertThat(programme.isOpenOn(LocalDate.of(2027, 6, 30))).isTrue();
        assertThat(programme.isOpenOn(LocalDate.of(2027, 7, 1))).isFalse();
        assertThat(residence(null).isOpenOn(LocalDate.of(2099, 1, 1))).as("no closing day").isTrue();
    }

    @Test
    void shouldNameEveryBrokenRuleOfANewProgramme() {
        List<Indicator> indicators = List.of(new Indicator("JOBS", "Emplois", "ETP"),
                new Indicator("JOBS", "", "ETP"), new Indicator("co2", "CO2", " "));

        assertThatThrownBy(() -> new Programme("a", " ", cdc, LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1),
                List.of(), indicators, "admin", NOW)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("code", "name",
                        "closesOn", "themes", "indicators[1].label", "indicators[1].code", "indicators[2].code",
                        "indicators[2].unit"));
    }

    @Test
    void shouldBeInstructedByItsOperatorsOfficersOnly() {
        Programme programme = residence(null);

        assertThat(programme.isInstructedBy(cdc.id())).isTrue();
        assertThat(programme.isInstructedBy(region.id())).isFalse();
        assertThat(programme.isInstructedBy(null)).isFalse();
    }

    @Test
    void shouldGiveAProgrammeWithoutOperatorItsOperatorOnce() {
        Programme migrated = new Programme("AMI-TIGA", "AMI", null, LocalDate.of(2017, 9, 1), null,
                List.of(Theme.values()), List.of(), "migration", NOW);
        assertThat(migrated.isInstructedBy(region.id())).as("any officer while it has no operator").isTrue();

        migrated.operatedBy(cdc);

        assertThat(migrated.isInstructedBy(region.id())).isFalse();
        assertThatThrownBy(() -> migrated.operatedBy(region)).isInstanceOf(DomainException.class);
    }

    @Test
    void shouldKeepWhatItWasCreatedWithAndWhetherItsAidIsNotified() {
        // when a programme is created, its aid notified to the European Commission
        Programme notified = new Programme("EU-AID", " Aide notifiée ", region, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), List.of(Theme.MOBILITY, Theme.HOUSING),
                List.of(new Indicator("JOBS", "Emplois", "ETP")), true, "admin", NOW);

        // then it keeps each of its facts, a single-day call included, its lists read only
        assertThat(notified.code()).isEqualTo("EU-AID");
        assertThat(notified.name()).isEqualTo("Aide notifiée");
        assertThat(notified.operator()).contains(region);
        assertThat(notified.opensOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(notified.closesOn()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(notified.themes()).containsExactlyInAnyOrder(Theme.MOBILITY, Theme.HOUSING);
        assertThat(notified.indicators()).extracting(Indicator::code).containsExactly("JOBS");
        assertThat(notified.isEuNotified()).isTrue();
        assertThat(notified.createdBy()).isEqualTo("admin");
        assertThat(notified.createdAt()).isEqualTo(NOW);
        assertThat(notified.id()).isNull();
        assertThat(residence(null).isEuNotified()).isFalse();
        assertThat(notified.violationsOfRequest(Theme.MOBILITY, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(notified.violationsOfRequest(null, LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(notified.violationsOfRequest(Theme.DIGITAL, LocalDate.of(2026, 1, 1)))
                .extracting(Violation::field).containsExactly("theme");
    }
}
