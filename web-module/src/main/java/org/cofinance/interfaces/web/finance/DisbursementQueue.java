package org.cofinance.interfaces.web.finance;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cofinance.application.ledger.CommitmentService;
import org.cofinance.interfaces.web.Ui;

/** Finance's queue of tranches to validate or refuse; whoever asked for a payment cannot validate it. */
@Named
@ViewScoped
public class DisbursementQueue implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private CommitmentService commitments;

    @Inject
    private Ui ui;

    private List<CommitmentService.PendingDisbursement> pending;

    public List<CommitmentService.PendingDisbursement> getPending() {
        if (pending == null) {
            pending = commitments.awaitingValidation();
        }
        return pending;
    }

    public void validate(Long commitmentId, Long disbursementId) {
        if (ui.attempt(null, () -> commitments.validateDisbursement(commitmentId, disbursementId))) {
            ui.info("disbursements.validated");
        }
        pending = null;
    }

    public void refuse(Long commitmentId, Long disbursementId) {
        if (ui.attempt(null, () -> commitments.refuseDisbursement(commitmentId, disbursementId))) {
            ui.info("disbursements.refused");
        }
        pending = null;
    }
}
