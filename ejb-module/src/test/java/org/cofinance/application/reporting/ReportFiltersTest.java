package org.cofinance.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The line under a report's title says every filter the user chose, in his language, and only those. */
class ReportFiltersTest {

    private final ReportFilters all = new ReportFilters(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 6, 30), "Dijon", "AMI-TIGA", 7L, "RESIDENCE-300");

    @Test
    void shouldDescribeEveryFilterInFrench() {
        // when the filters are described to a French reader
        String line = all.describe(Locale.FRANCE);

        // then each is there, in order, with French words and dates
        assertThat(line).isEqualTo("Au 30/11/2026 · Période : 01/01/2026 – 30/06/2026 · Territoire : Dijon · "
                + "Enveloppe : AMI-TIGA · Financeur n° 7 · Programme : RESIDENCE-300");
    }

    @Test
    void shouldDescribeEveryFilterInEnglish() {
        String line = all.describe(Locale.UK);

        assertThat(line).isEqualTo("As of 30/11/2026 · Period: 01/01/2026 – 30/06/2026 · Territory: Dijon · "
                + "Envelope: AMI-TIGA · Funder #7 · Programme: RESIDENCE-300");
    }

    @Test
    void shouldShowAnOpenEndOfAPeriodAsAnEllipsis() {
        // given periods open at one end
        ReportFilters since = new ReportFilters(null, LocalDate.of(2026, 1, 1), null, null, null, null);
        ReportFilters until = new ReportFilters(null, null, LocalDate.of(2026, 6, 30), null, null, null);

        // then the open end is an ellipsis
        assertThat(since.describe(Locale.FRANCE)).isEqualTo("Période : 01/01/2026 – …");
        assertThat(until.describe(Locale.UK)).isEqualTo("Period: … – 30/06/2026");
    }

    @Test
    void shouldSayThereIsNoFilterWhenThereIsNone() {
        assertThat(ReportFilters.none().describe(Locale.FRANCE)).isEqualTo("Sans filtre");
        assertThat(ReportFilters.none().describe(Locale.ENGLISH)).isEqualTo("No filter");
    }

    @Test
    void shouldGiveTheQueriesAnEmptyProgrammeForEveryProgramme() {
        assertThat(ReportFilters.none().programmeFilter()).isEmpty();
        assertThat(all.programmeFilter()).isEqualTo("RESIDENCE-300");
        assertThat(new ReportFilters(null, null, null, "Dijon", null, null).programme()).isNull();
    }
}
