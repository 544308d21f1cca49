package org.cofinance.application.ledger;

import java.io.Serializable;
import java.time.Instant;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Recovery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RecoveryView(Long id, Long commitmentId, @Schema(ref = "Money") String amount, String status,
                           String reason, String issuedBy,
                           Instant issuedAt, String decidedBy, Instant decidedAt) implements Serializable {
    public static RecoveryView of(Recovery r) {
        return new RecoveryView(r.id(), r.commitment().id(), Amounts.text(r.amount()), r.status().name(), r.reason(),
                r.issuedBy(), r.issuedAt(), r.decidedBy(), r.decidedAt());
    }
}
