package org.cofinance.application.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.junit.jupiter.api.Test;

/**
 * The open data downloads: the SCDL CSV of one attributing organisation and year when asked, the 360Giving package,
 * each named after the Paris day it was made; a wrong SIRET or year named and nothing read.
 */
class OpenDataServiceTest {

    /** 23:30 UTC on the 30th: already the 1st of December in Paris. */
    private static final Clock LATE_EVENING = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC);

    private final List<String> asked = new ArrayList<>();
    private final OpenDataService service = new OpenDataService((siret, year) -> {
        asked.add(siret + "/" + year);
        return List.of();
    }, new OpenDataCache(LATE_EVENING, Duration.ofSeconds(60)), LATE_EVENING);

    @Test
    void shouldNameTheScdlFileAfterItsAttributingOrganisationAndTheParisDay() {
        OpenDataService.Download all = service.scdl(null, " ");
        OpenDataService.Download one = service.scdl(" 73282932000074 ", " 2026 ");

        assertThat(all.fileName()).isEqualTo("cofinance_2026-12-01_subventions.csv");
        assertThat(all.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(new String(all.content(), StandardCharsets.UTF_8)).startsWith("nomAttribuant");
        assertThat(one.fileName()).isEqualTo("73282932000074_2026-12-01_subventions.csv");
        assertThat(asked).containsExactly("null/null", "73282932000074/2026");
    }

    @Test
    void shouldReadEachKindOfAnswerOnceWhileItIsKept() {
        service.scdl("73282932000074", "2026");
        service.scdl("73282932000074", "2026");
        service.scdl("73282932000074", "2025");
        service.threeSixtyGiving();
        OpenDataService.Download giving = service.threeSixtyGiving();

        assertThat(asked).containsExactly("73282932000074/2026", "73282932000074/2025", "null/null");
        assertThat(giving.fileName()).isEqualTo("cofinance_2026-12-01_360giving.json");
        assertThat(giving.contentType()).isEqualTo("application/json");
    }

    @Test
    void shouldNameAWrongSiretOrYearAndReadNothing() {
        assertThatThrownBy(() -> service.scdl("73282932000075", "26")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("attribuant", "year"));
        assertThatThrownBy(() -> service.scdl(null, "2026a")).isInstanceOf(ValidationException.class);
        assertThat(asked).isEmpty();
    }
}
