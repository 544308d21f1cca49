package org.cofinance.domain.model.shared;

/** The same person would both ask for and validate, instruct and decide, or decide two levels of one round. */
public class SegregationOfDutiesException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SegregationOfDutiesException(String message) {
        super(message);
    }
}
