package org.cofinance.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.UUID;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/**
 * The administrator's form amending an envelope's ceiling (avenant). Sent twice for the same envelope and ceiling, it
 * amends once: its idempotency key is the page's and the amendment's.
 */
@Named
@ViewScoped
public class AmendmentForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private EnvelopeService envelopes;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private final String key = "ui-" + UUID.randomUUID();
    private Long envelopeId;
    private String ceiling;
    private String reason;

    public void amend() {
        String amount = Ui.amountOf(ceiling);
        if (ui.attempt(errors, () -> envelopes.amend(envelopeId, amount, reason,
                key + "-" + envelopeId + "-" + amount))) {
            ui.info("admin.envelopeAmended");
            ceiling = null;
            reason = null;
        }
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public Long getEnvelopeId() { return envelopeId; }
    public void setEnvelopeId(Long v) { envelopeId = v; }
    public String getCeiling() { return ceiling; }
    public void setCeiling(String v) { ceiling = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
