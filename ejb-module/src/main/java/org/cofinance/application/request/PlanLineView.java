package org.cofinance.application.request;

import java.io.Serializable;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.request.PlanLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PlanLineView(Long id, Long organisationId, String organisationName, String envelopeCode,
                           String instrument, @Schema(ref = "Money") String amount) implements Serializable {
    public static PlanLineView of(PlanLine l) {
        return new PlanLineView(l.id(), l.organisation().id(), l.organisation().name(),
                l.envelope().map(Envelope::code).orElse(null), l.instrument().name(), Amounts.text(l.amount()));
    }
}
