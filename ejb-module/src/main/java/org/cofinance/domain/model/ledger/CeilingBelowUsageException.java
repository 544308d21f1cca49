package org.cofinance.domain.model.ledger;

import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/** An amendment would put an envelope's ceiling below what it already holds, or out of its parent's. */
public class CeilingBelowUsageException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CeilingBelowUsageException(String message) {
        super(message);
    }

    public CeilingBelowUsageException(String code, Money ceiling, Money used) {
        super("the ceiling of " + code + " cannot go below the " + used.toPlainString()
                + " EUR already reserved and committed (asked " + ceiling.toPlainString() + " EUR)");
    }
}
