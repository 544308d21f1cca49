package org.cofinance.domain.model.ledger;

import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/** A payment would go beyond the year's payment credits of an envelope (or of a parent). */
public class PaymentCreditsExhaustedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public PaymentCreditsExhaustedException(String envelopeCode, int year, Money payment, Money left) {
        super("the " + year + " payment credits of envelope " + envelopeCode + " cannot pay " + payment.toPlainString()
                + " EUR: " + left.toPlainString() + " EUR left");
    }

    @Override
    public String problemType() {
        return "payment-credits-exhausted";
    }
}
