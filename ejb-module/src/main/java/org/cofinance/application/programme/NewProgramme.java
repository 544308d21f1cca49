package org.cofinance.application.programme;

import java.util.List;

/** A programme as an administrator typed it: raw values, read by {@link ProgrammeService}. */
public record NewProgramme(String code, String name, Long operatorOrganisationId, String opensOn, String closesOn,
                           List<String> themes, List<IndicatorLine> indicators) {

    public record IndicatorLine(String code, String label, String unit) {
    }
}
