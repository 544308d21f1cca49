package org.cofinance.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.programme.NewProgramme;
import org.cofinance.application.programme.ProgrammeService;
import org.cofinance.interfaces.web.Directory;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/**
 * The administrator's form creating a programme: its code, name, operator, dates (French), themes and indicators as
 * editable rows. What was typed stays when the service refuses it, each reason beside its field; its eligibility
 * rules are the decision table {@code eligibility-<code>} deployed with the process, the general ones otherwise.
 */
@Named
@ViewScoped
public class ProgrammeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ProgrammeService programmes;

    @Inject
    private Ui ui;

    @Inject
    private Directory directory;

    private final FieldErrors errors = new FieldErrors();
    private String code;
    private String name;
    private Long operatorOrganisationId;
    private String opensOn;
    private String closesOn;
    private List<String> themes = new ArrayList<>();
    private boolean euNotification;
    private final List<IndicatorRow> indicators = new ArrayList<>();

    /** One indicator as typed. */
    public static class IndicatorRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String code;
        private String label;
        private String unit;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }
    }

    public void create() {
        String opens = Ui.isoDay(opensOn);
        String closes = Ui.isoDay(closesOn);
        NewProgramme command = new NewProgramme(code == null ? null : code.strip(), name, operatorOrganisationId,
                opens, closes, List.copyOf(themes), indicators.stream()
                .map(i -> new NewProgramme.IndicatorLine(i.code, i.label, i.unit)).toList(), euNotification);
        if (ui.attempt(errors, () -> programmes.create(command))) {
            ui.info("admin.programmeCreated", command.code());
            directory.forgetProgrammes();
            code = null;
            name = null;
            operatorOrganisationId = null;
            opensOn = null;
            closesOn = null;
            themes = new ArrayList<>();
            euNotification = false;
            indicators.clear();
        }
    }

    public void addIndicator() {
        indicators.add(new IndicatorRow());
    }

    public void removeIndicator(int index) {
        if (index >= 0 && index < indicators.size()) {
            indicators.remove(index);
        }
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public List<IndicatorRow> getIndicators() {
        return indicators;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getOperatorOrganisationId() {
        return operatorOrganisationId;
    }

    public void setOperatorOrganisationId(Long operatorOrganisationId) {
        this.operatorOrganisationId = operatorOrganisationId;
    }

    public String getOpensOn() {
        return opensOn;
    }

    public void setOpensOn(String opensOn) {
        this.opensOn = opensOn;
    }

    public String getClosesOn() {
        return closesOn;
    }

    public void setClosesOn(String closesOn) {
        this.closesOn = closesOn;
    }

    public boolean isEuNotification() {
        return euNotification;
    }

    public void setEuNotification(boolean euNotification) {
        this.euNotification = euNotification;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes;
    }
}
