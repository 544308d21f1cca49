package org.cofinance.application.ledger;

import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Commitment;

public record CommitmentView(Long id, Long organisationId, String envelopeCode, String instrument, String status,
                             String reserved, String committed, String disbursed, String recovered) {
    public static CommitmentView of(Commitment c) {
        return new CommitmentView(c.id(), c.organisationId(), c.envelope().code(), c.instrument().name(),
                c.status().name(), Amounts.text(c.reserved()), Amounts.text(c.committed()),
                        Amounts.text(c.disbursed()), Amounts.text(c.recovered()));
    }
}
