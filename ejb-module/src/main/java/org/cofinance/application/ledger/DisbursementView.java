package org.cofinance.application.ledger;

import java.io.Serializable;
import java.time.Instant;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Disbursement;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DisbursementView(Long id, Long commitmentId, @Schema(ref = "Money") String amount, String status,
                               String evidence,
                               String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt)
        implements Serializable {
    public static DisbursementView of(Disbursement d) {
        return new DisbursementView(d.id(), d.commitment().id(), Amounts.text(d.amount()), d.status().name(),
                d.evidence(), d.requestedBy(), d.requestedAt(), d.decidedBy(), d.decidedAt());
    }
}
