package org.cofinance.domain.model.ledger;

import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.shared.Money;

/** The payment credits of the envelopes, year by year, and what the ledger paid against them. */
public interface PaymentCreditRepository {

    void add(PaymentCredit credit);

    /** The credits of the envelope for the year, as last set; none when the year has none. */
    Optional<PaymentCredit> current(Long envelopeId, int year);

    /** The envelope's credits as last set, year by year. */
    List<PaymentCredit> currentOf(Long envelopeId);

    /**
     * What was paid in the year (Paris time) out of the envelope and its sub-envelopes: their DISBURSE entries, the
     * payments of this transaction included. Recoveries give no credit back.
     */
    Money paidIn(Long envelopeId, int year);
}
