package org.cofinance.application.request;

import java.io.Serializable;
import java.time.Instant;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.request.Decision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DecisionView(Long id, Long organisationId, String level, String decision,
                           @Schema(ref = "Money") String amount,
                           String comment, String author, Instant at) implements Serializable {
    public static DecisionView of(Decision d) {
        return new DecisionView(d.id(), d.organisationId(), d.level(), d.outcome().name(),
                d.amount().map(Amounts::text).orElse(null), d.comment(), d.author(), d.decidedAt());
    }
}
