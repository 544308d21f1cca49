package org.cofinance.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/** The administrator's form opening an envelope, possibly inside a parent envelope. */
@Named
@ViewScoped
public class EnvelopeForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EnvelopeService envelopes;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private String code;
    private String name;
    private Long ownerId;
    private String ceiling;
    private String parentCode;
    private String validFrom;
    private String validTo;

    public void create() {
        EnvelopeService.NewEnvelope command = new EnvelopeService.NewEnvelope(code, name, ownerId,
                Ui.amountOf(ceiling), blankToNull(parentCode), blankToNull(validFrom), blankToNull(validTo));
        if (ui.attempt(errors, () -> envelopes.create(command))) {
            ui.info("admin.envelopeCreated", code);
            code = null;
            name = null;
            ownerId = null;
            ceiling = null;
            parentCode = null;
            validFrom = null;
            validTo = null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getCode() { return code; }
    public void setCode(String v) { code = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public Long getOwnerId() { return ownerId; }
    public void setOwnerId(Long v) { ownerId = v; }
    public String getCeiling() { return ceiling; }
    public void setCeiling(String v) { ceiling = v; }
    public String getParentCode() { return parentCode; }
    public void setParentCode(String v) { parentCode = v; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String v) { validFrom = v; }
    public String getValidTo() { return validTo; }
    public void setValidTo(String v) { validTo = v; }
}
