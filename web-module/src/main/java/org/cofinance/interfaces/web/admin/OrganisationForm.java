package org.cofinance.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.cofinance.application.organisation.OrganisationService;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/** The administrator's form registering an organisation. */
@Named
@ViewScoped
public class OrganisationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private OrganisationService organisations;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private String name;
    private String kind;
    private String siret;

    public void create() {
        if (ui.attempt(errors, () -> organisations.create(name, kind,
                siret == null || siret.isBlank() ? null : siret.strip()))) {
            ui.info("admin.organisationCreated", name);
            name = null;
            kind = null;
            siret = null;
        }
    }

    public List<String> getKinds() {
        return Arrays.stream(OrganisationKind.values()).map(Enum::name).toList();
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getSiret() { return siret; }
    public void setSiret(String v) { siret = v; }
}
