package org.cofinance.application.ledger;

import java.util.List;

public record CommitmentDetail(CommitmentView commitment, Long requestId, List<DisbursementView> disbursements,
                               List<RecoveryView> recoveries) {
}
