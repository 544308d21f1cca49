package org.cofinance.interfaces.web.finance;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.ledger.EnvelopeView;
import org.cofinance.application.ledger.PaymentCreditView;
import org.cofinance.application.shared.Paging;

/**
 * The finance dashboard: every envelope with its sub-envelopes under it (ceiling, reserved, committed, disbursed,
 * available) and, for the one chosen, the chart of its consumption over time, its payment credits and the forecast
 * of its coming years.
 */
@Named
@ViewScoped
public class EnvelopeDashboard implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EnvelopeService envelopes;

    private List<Row> rows;
    private Long chosenId;
    private ConsumptionChart chart;
    private ForecastChart forecast;
    private EnvelopeView chosenDetail;

    /** An envelope and its depth in the tree. */
    public record Row(EnvelopeView envelope, int depth) implements Serializable {
    }

    public List<Row> getRows() {
        if (rows == null) {
            List<EnvelopeView> all = envelopes.list(Paging.of(0, Paging.MAX_SIZE)).items();
            rows = new ArrayList<>();
            for (EnvelopeView root : all) {
                if (root.parentCode() == null || all.stream().noneMatch(e -> e.code().equals(root.parentCode()))) {
                    addTree(root, all, 0);
                }
            }
        }
        return rows;
    }

    private void addTree(EnvelopeView envelope, List<EnvelopeView> all, int depth) {
        rows.add(new Row(envelope, depth));
        for (EnvelopeView child : all) {
            if (envelope.code().equals(child.parentCode())) {
                addTree(child, all, depth + 1);
            }
        }
    }

    public void choose(Long id) {
        chosenId = id;
        chart = ConsumptionChart.of(envelopes.consumption(id));
        forecast = ForecastChart.of(envelopes.forecast(id));
        chosenDetail = envelopes.get(id);
    }

    public EnvelopeView getChosen() {
        return chosenId == null ? null : getRows().stream().map(Row::envelope)
                .filter(e -> e.id().equals(chosenId)).findFirst().orElse(null);
    }

    /** The chosen envelope's coming years: scheduled, paid and payment credits. */
    public ForecastChart getForecast() {
        getChart();
        return forecast;
    }

    /** The chosen envelope's payment credits, year by year, with what was paid against them. */
    public List<PaymentCreditView> getPaymentCredits() {
        getChart();
        return chosenDetail == null ? List.of() : chosenDetail.paymentCredits();
    }

    public ConsumptionChart getChart() {
        if (chart == null && !getRows().isEmpty()) {
            choose(getRows().get(0).envelope().id());
        }
        return chart;
    }
}
