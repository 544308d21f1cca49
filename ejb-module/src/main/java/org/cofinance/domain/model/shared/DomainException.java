package org.cofinance.domain.model.shared;

/** A business rule was broken; the message speaks the domain's words. */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DomainException(String message) {
        super(message);
    }
}
