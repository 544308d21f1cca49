package org.cofinance.application.ledger;

import java.time.Instant;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EntryView(Long id, Instant at, String kind, @Schema(ref = "Money") String amount, Long requestId,
                        Long commitmentId,
                        String author) {
    public static EntryView of(LedgerEntry e) {
        return new EntryView(e.id(), e.at(), e.kind().name(), Amounts.text(e.amount()), e.requestId(), e.commitmentId(),
                e.author());
    }
}
