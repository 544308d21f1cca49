package org.cofinance.domain.model.ledger;

import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/** An envelope (or one of its parents) cannot hold an amount without going over its ceiling. */
public class InsufficientFundsException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final String envelopeCode;

    public InsufficientFundsException(String envelopeCode, Money requested, Money available) {
        super("envelope " + envelopeCode + " cannot hold " + requested.toPlainString()
                + " EUR: " + available.toPlainString() + " EUR available");
        this.envelopeCode = envelopeCode;
    }

    public String envelopeCode() {
        return envelopeCode;
    }
}
