package org.cofinance.application.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.programme.Indicator;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.programme.ProgrammeRepository;
import org.cofinance.domain.model.programme.Theme;

/** Programmes in memory, the AMI of the migration among them (no operator: every officer instructs it). */
public class InMemoryProgrammes implements ProgrammeRepository {

    private final List<Programme> programmes = new ArrayList<>(List.of(amiTiga()));

    /** The AMI as the migration makes it: every theme, its four indicators, open since 2017, never closed. */
    public static Programme amiTiga() {
        Programme programme = new Programme(Programme.DEFAULT_CODE, "AMI TIGA", null, LocalDate.of(2017, 9, 1),
                null, EnumSet.allOf(Theme.class), List.of(new Indicator("JOBS", "Emplois", "ETP"),
                new Indicator("RESEARCHERS", "Chercheurs", "persons"),
                new Indicator("COMPANIES", "Entreprises", "number"),
                new Indicator("CO2_AVOIDED", "CO2 évité", "tCO2e/year")), "migration",
                Instant.parse("2017-09-01T00:00:00Z"));
        return Ids.assign(programme);
    }

    @Override
    public Optional<Programme> findByCode(String code) {
        return programmes.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    @Override
    public List<Programme> all() {
        return programmes.stream().sorted(Comparator.comparing(Programme::code)).toList();
    }

    @Override
    public void add(Programme programme) {
        Ids.assign(programme);
        programmes.add(programme);
    }
}
