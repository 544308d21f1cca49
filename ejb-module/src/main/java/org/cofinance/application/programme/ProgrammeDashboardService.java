package org.cofinance.application.programme;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.programme.ProgrammeRepository;
import org.cofinance.domain.model.user.Role;

/**
 * The page a director opens on Monday: one programme's envelopes consumed, pipeline, leverage and impact, for the
 * finance teams (their organisation's part) and the administrators (everything).
 */
@Stateless
public class ProgrammeDashboardService {

    private final ProgrammeRepository programmes;
    private final ProgrammeFigures figures;
    private final Callers callers;

    @Inject
    public ProgrammeDashboardService(ProgrammeRepository programmes, ProgrammeFigures figures, Callers callers) {
        this.programmes = programmes;
        this.figures = figures;
        this.callers = callers;
    }

    /** For the container's proxies only. */
    protected ProgrammeDashboardService() {
        this(null, null, null);
    }

    public record Dashboard(String programme, String territory, List<ProgrammeFigures.EnvelopeUse> envelopes,
                            List<ProgrammeFigures.Stage> pipeline, List<ProgrammeFigures.TerritoryLeverage> leverage,
                            List<ProgrammeFigures.IndicatorProgress> impact) implements Serializable {
    }

    public Dashboard of(String programmeCode, String territory) {
        Caller caller = callers.current().require(Role.FINANCE, Role.ADMIN);
        String code = programmes.findByCode(programmeCode).orElseThrow(() ->
                new NotFoundException("no programme " + programmeCode)).code();
        String place = territory == null || territory.isBlank() ? null : territory.strip();
        ReportScope scope = ReportScope.of(caller);
        return new Dashboard(code, place, figures.envelopes(code, place, scope), figures.pipeline(code, place, scope),
                figures.leverage(code, place, scope), figures.impact(code, place, scope));
    }
}
