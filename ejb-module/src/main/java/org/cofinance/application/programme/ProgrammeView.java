package org.cofinance.application.programme;

import java.time.LocalDate;
import java.util.List;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.programme.Programme;

/** A programme as the API and the pages show it. */
public record ProgrammeView(String code, String name, Long operatorOrganisationId, String operatorName,
                            LocalDate opensOn, LocalDate closesOn, List<String> themes,
                            List<NewProgramme.IndicatorLine> indicators, boolean euNotification, boolean open) {

    public static ProgrammeView of(Programme p, LocalDate today) {
        return new ProgrammeView(p.code(), p.name(), p.operator().map(Organisation::id).orElse(null),
                p.operator().map(Organisation::name).orElse(null), p.opensOn(), p.closesOn(),
                p.themes().stream().map(Enum::name).toList(),
                p.indicators().stream().map(i -> new NewProgramme.IndicatorLine(i.code(), i.label(), i.unit()))
                        .toList(), p.isEuNotified(), p.isOpenOn(today));
    }
}
