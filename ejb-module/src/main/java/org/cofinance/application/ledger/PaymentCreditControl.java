package org.cofinance.application.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.PaymentCredit;
import org.cofinance.domain.model.ledger.PaymentCreditRepository;
import org.cofinance.domain.model.shared.Money;

/**
 * Keeps the payments of a year within the payment credits of every envelope that pays them (the commitment's envelope
 * and each parent that has credits for that year). Called with the envelopes' rows locked, as every payment locks
 * them first: two payments at the same instant are checked one after the other, the second seeing the first.
 */
@ApplicationScoped
public class PaymentCreditControl {

    private final PaymentCreditRepository credits;

    @Inject
    public PaymentCreditControl(PaymentCreditRepository credits) {
        this.credits = credits;
    }

    /** For the container's proxies only. */
    protected PaymentCreditControl() {
        this(null);
    }

    /**
     * @throws org.cofinance.domain.model.ledger.PaymentCreditsExhaustedException when a year's credits cannot take it
     */
    public void checkPayment(Envelope envelope, Money amount, Instant at) {
        int year = PaymentCredit.yearOf(at);
        for (Envelope e : envelope.chain()) {
            credits.current(e.id(), year).ifPresent(credit -> credit.checkPayment(e.code(),
                    credits.paidIn(e.id(), year), amount));
        }
    }
}
