package org.cofinance.interfaces.web.finance;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.cofinance.application.programme.ProgrammeDashboardService;
import org.cofinance.application.programme.ProgrammeDashboardService.Dashboard;
import org.cofinance.application.programme.ProgrammeFigures;
import org.cofinance.application.programme.ProgrammeView;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.interfaces.web.Directory;
import org.cofinance.interfaces.web.Ui;

/**
 * The programme dashboard of the finance teams and administrators: per programme (and territory), the envelopes its
 * requests consume against their ceilings, the pipeline by stage, the leverage by territory and the impact against
 * the targets — each a chart with its table.
 */
@Named
@ViewScoped
public class ProgrammeDashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProgrammeDashboardService dashboards;

    @Inject
    private Ui ui;

    @Inject
    private Directory directory;

    private String programme = Programme.DEFAULT_CODE;
    private String territory;
    private Dashboard dashboard;

    public void load() {
        if (dashboard == null) {
            ui.attempt(null, () -> dashboard = dashboards.of(programme, territory));
        }
    }

    /** Shows the dashboard of the filters chosen. */
    public void show() {
        dashboard = null;
        load();
    }

    public Dashboard getDashboard() {
        return dashboard;
    }

    public BarChart getEnvelopeChart() {
        return BarChart.of(dashboard.envelopes().stream().map(e -> new BarChart.Group(e.code(), List.of(
                e.ceiling(), e.reserved(), e.committed(), e.disbursed()))).toList(), 4);
    }

    public BarChart getPipelineChart() {
        return BarChart.of(dashboard.pipeline().stream().map(s -> new BarChart.Group(ui.label("status",
                s.status()), List.of(s.amount()))).toList(), 1);
    }

    public BarChart getLeverageChart() {
        return BarChart.of(dashboard.leverage().stream().map(t -> new BarChart.Group(t.territory(), List.of(
                t.publicMoney(), t.privateMoney()))).toList(), 2);
    }

    public BarChart getImpactChart() {
        return BarChart.of(dashboard.impact().stream().map(i -> new BarChart.Group(label(i), Arrays.asList(
                i.target(), i.actual()))).toList(), 2);
    }

    /** The indicator's label in its programme, the code when the programme has none of that code. */
    public String label(ProgrammeFigures.IndicatorProgress indicator) {
        ProgrammeView shown = directory.programme(dashboard.programme());
        return shown == null ? indicator.code() : shown.indicators().stream()
                .filter(i -> i.code().equals(indicator.code())).map(i -> i.label()).findFirst()
                .orElse(indicator.code());
    }

    /** A decimal string for the page's formatters, empty for none. */
    public String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }
}
