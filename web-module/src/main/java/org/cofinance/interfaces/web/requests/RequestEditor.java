package org.cofinance.interfaces.web.requests;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cofinance.application.organisation.OrganisationView;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.programme.NewProgramme;
import org.cofinance.application.programme.ProgrammeView;
import org.cofinance.application.request.NewRequest;
import org.cofinance.application.request.PlanLineView;
import org.cofinance.application.request.RequestView;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.interfaces.web.Directory;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/**
 * The request editor of the officer: the programme, the project, its coalition (the lead and its partners), its
 * impact targets and its financing plan as editable lines, with the live balance.
 * Everything typed stays in the form when the services refuse it, with the reason beside each field; a saved draft
 * can be taken up again later.
 */
@Named
@ViewScoped
public class RequestEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FundingRequestService requests;

    @Inject
    private Ui ui;

    @Inject
    private Directory directory;

    private final FieldErrors errors = new FieldErrors();
    /** A new request is created once, however often "save" is pressed or retried. */
    private final String creationKey = "ui-" + UUID.randomUUID();

    private Long id;
    private String reference;
    private String title;
    private String territory;
    private String theme;
    private Long leadOrganisationId;
    private String eligibleCost;
    private String programmeCode = "AMI-TIGA";
    private final List<LineForm> lines = new ArrayList<>();
    private final List<PartnerForm> partners = new ArrayList<>();
    private final List<TargetForm> targets = new ArrayList<>();
    private boolean loaded;
    private String status = "DRAFT";

    /** One line of the plan as typed. */
    public static class LineForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long organisationId;
        private String instrument;
        private String envelopeCode;
        private String amount;

        public Long getOrganisationId() {
            return organisationId;
        }

        public void setOrganisationId(Long organisationId) {
            this.organisationId = organisationId;
        }

        public String getInstrument() {
            return instrument;
        }

        public void setInstrument(String instrument) {
            this.instrument = instrument;
        }

        public String getEnvelopeCode() {
            return envelopeCode;
        }

        public void setEnvelopeCode(String envelopeCode) {
            this.envelopeCode = envelopeCode;
        }

        public String getAmount() {
            return amount;
        }

        public void setAmount(String amount) {
            this.amount = amount;
        }
    }

    /** A partner of the coalition as chosen, with its share of each grant as typed ("0,30"), if any. */
    public static class PartnerForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long organisationId;
        private String grantShare;

        public String getGrantShare() {
            return grantShare;
        }

        public void setGrantShare(String grantShare) {
            this.grantShare = grantShare;
        }

        public Long getOrganisationId() {
            return organisationId;
        }

        public void setOrganisationId(Long organisationId) {
            this.organisationId = organisationId;
        }
    }

    /** An impact target as typed: the indicator and the value promised. */
    public static class TargetForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private String code;
        private String target;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }
    }

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        if (id == null) {
            lines.add(new LineForm());
            return;
        }
        RequestView request = requests.get(id);
        status = request.status();
        if (!List.of("DRAFT", "TO_REVISE", "IN_ARBITRATION").contains(status)) {
            FacesContext.getCurrentInstance().getExternalContext().redirect(
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                            + "/app/request.xhtml?id=" + id);
            return;
        }
        reference = request.reference();
        title = request.title();
        territory = request.territory();
        theme = request.theme();
        leadOrganisationId = request.leadOrganisationId();
        eligibleCost = request.eligibleCost();
        programmeCode = request.programmeCode();
        for (RequestView.PartnerView partner : request.partners()) {
            PartnerForm form = new PartnerForm();
            form.organisationId = partner.organisationId();
            form.grantShare = partner.grantShare();
            partners.add(form);
        }
        for (RequestView.IndicatorView indicator : request.indicators()) {
            if (indicator.target() != null) {
                TargetForm form = new TargetForm();
                form.code = indicator.code();
                form.target = indicator.target();
                targets.add(form);
            }
        }
        for (PlanLineView line : request.plan()) {
            LineForm form = new LineForm();
            form.organisationId = line.organisationId();
            form.instrument = line.instrument();
            form.envelopeCode = line.envelopeCode();
            form.amount = line.amount();
            lines.add(form);
        }
    }

    public void addPartner() {
        partners.add(new PartnerForm());
    }

    public void removePartner(int index) {
        if (index >= 0 && index < partners.size()) {
            partners.remove(index);
        }
    }

    public void addTarget() {
        targets.add(new TargetForm());
    }

    public void removeTarget(int index) {
        if (index >= 0 && index < targets.size()) {
            targets.remove(index);
        }
    }

    /** The indicators of the programme chosen, for the targets' choice. */
    public List<NewProgramme.IndicatorLine> getIndicators() {
        ProgrammeView programme = directory.programme(programmeCode);
        return programme == null ? List.of() : programme.indicators();
    }

    public void addLine() {
        lines.add(new LineForm());
    }

    public void removeLine(int index) {
        if (index >= 0 && index < lines.size()) {
            lines.remove(index);
        }
    }

    public PlanBalance getBalance() {
        BigDecimal cost = decimal(eligibleCost);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal publicMoney = BigDecimal.ZERO;
        BigDecimal privateMoney = BigDecimal.ZERO;
        for (LineForm line : lines) {
            BigDecimal amount = decimal(line.amount);
            if (amount == null) {
                continue;
            }
            total = total.add(amount);
            OrganisationView organisation = directory.organisation(line.organisationId);
            if (organisation != null) {
                if (OrganisationKind.valueOf(organisation.kind()).isPublicMoney()) {
                    publicMoney = publicMoney.add(amount);
                } else {
                    privateMoney = privateMoney.add(amount);
                }
            }
        }
        return new PlanBalance(cost, total, publicMoney, privateMoney);
    }

    private static BigDecimal decimal(String typed) {
        String amount = Ui.amountOf(typed);
        if (amount == null) {
            return null;
        }
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void save() {
        if (store()) {
            ui.info("editor.saved", reference);
        }
    }

    public String submit() {
        if (!store()) {
            return null;
        }
        if (!ui.attempt(errors, () -> requests.submit(id))) {
            return null;
        }
        return "/app/request.xhtml?faces-redirect=true&id=" + id;
    }

    private boolean store() {
        NewRequest command = command();
        return ui.attempt(errors, () -> {
            if (id == null) {
                id = requests.create(command, creationKey).id();
            } else {
                requests.updatePlan(id, command);
            }
            reference = requests.get(id).reference();
        });
    }

    private NewRequest command() {
        List<NewRequest.Line> plan = lines.stream().map(l -> new NewRequest.Line(l.organisationId,
                l.envelopeCode == null || l.envelopeCode.isBlank() ? null : l.envelopeCode,
                l.instrument, Ui.amountOf(l.amount))).toList();
        return new NewRequest(title, territory, theme, leadOrganisationId, Ui.amountOf(eligibleCost), plan,
                programmeCode, partners.stream().map(p -> new NewRequest.Partner(p.organisationId,
                        p.grantShare == null || p.grantShare.isBlank() ? null
                                : p.grantShare.strip().replace(',', '.'))).toList(),
                targets.stream().map(t -> new NewRequest.Target(t.code, t.target == null ? null
                        : t.target.strip().replace(',', '.'))).toList());
    }

    /** A draft changes entirely; a request sent back for revision or in arbitration changes its plan only. */
    public boolean isDraft() {
        return "DRAFT".equals(status);
    }

    public List<PartnerForm> getPartners() {
        return partners;
    }

    public List<TargetForm> getTargets() {
        return targets;
    }

    public String getProgrammeCode() {
        return programmeCode;
    }

    public void setProgrammeCode(String programmeCode) {
        this.programmeCode = programmeCode;
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReference() {
        return reference;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public Long getLeadOrganisationId() {
        return leadOrganisationId;
    }

    public void setLeadOrganisationId(Long leadOrganisationId) {
        this.leadOrganisationId = leadOrganisationId;
    }

    public String getEligibleCost() {
        return eligibleCost;
    }

    public void setEligibleCost(String eligibleCost) {
        this.eligibleCost = eligibleCost;
    }
}
