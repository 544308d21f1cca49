package org.cofinance.application.ledger;

import java.io.Serializable;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Commitment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CommitmentView(Long id, Long organisationId, String envelopeCode, String instrument, String status,
                             @Schema(ref = "Money") String reserved, @Schema(ref = "Money") String committed,
                             @Schema(ref = "Money") String disbursed, @Schema(ref = "Money") String recovered)
        implements Serializable {
    public static CommitmentView of(Commitment c) {
        return new CommitmentView(c.id(), c.organisationId(), c.envelope().code(), c.instrument().name(),
                c.status().name(), Amounts.text(c.reserved()), Amounts.text(c.committed()),
                        Amounts.text(c.disbursed()), Amounts.text(c.recovered()));
    }
}
