package org.cofinance.application.programme;

import java.util.List;

/**
 * A programme as an administrator typed it: raw values, read by {@link ProgrammeService}. {@code euNotification}:
 * whether its aid is notified to the European Commission (absent: not).
 */
public record NewProgramme(String code, String name, Long operatorOrganisationId, String opensOn, String closesOn,
                           List<String> themes, List<IndicatorLine> indicators, Boolean euNotification) {

    public record IndicatorLine(String code, String label, String unit) {
    }
}
