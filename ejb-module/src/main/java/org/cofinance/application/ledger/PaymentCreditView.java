package org.cofinance.application.ledger;

import java.io.Serializable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An envelope's payment credits for a year, and what was paid against them that year. */
public record PaymentCreditView(int year, @Schema(ref = "Money") String amount, @Schema(ref = "Money") String paid)
        implements Serializable {
}
