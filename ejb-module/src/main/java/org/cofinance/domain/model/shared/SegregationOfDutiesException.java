package org.cofinance.domain.model.ledger;

import org.cofinance.domain.model.shared.DomainException;

/** The same person would both ask for and validate, or instruct and decide. */
public class SegregationOfDutiesException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SegregationOfDutiesException(String message) {
        super(message);
    }
}
