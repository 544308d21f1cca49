package org.cofinance.application.ledger;

import java.io.Serializable;
import java.util.List;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Envelope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record EnvelopeView(Long id, String code, String name, Long ownerOrganisationId, String parentCode,
                           @Schema(ref = "Money") String ceiling, @Schema(ref = "Money") String reserved,
                           @Schema(ref = "Money") String committed, @Schema(ref = "Money") String disbursed,
                           @Schema(ref = "Money") String available,
                           List<EnvelopeView> children, List<PaymentCreditView> paymentCredits)
        implements Serializable {
    public static EnvelopeView of(Envelope e, List<EnvelopeView> children) {
        return of(e, children, null);
    }

    public static EnvelopeView of(Envelope e, List<EnvelopeView> children, List<PaymentCreditView> paymentCredits) {
        return new EnvelopeView(e.id(), e.code(), e.name(), e.owner().id(),
                e.parent().map(Envelope::code).orElse(null), Amounts.text(e.ceiling()), Amounts.text(e.reserved()),
                Amounts.text(e.committed()), Amounts.text(e.disbursed()), Amounts.text(e.available()), children,
                paymentCredits);
    }
}
