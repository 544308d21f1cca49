package org.cofinance.domain.model.shared;

/** A business rule was broken; the message speaks the domain's words. */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DomainException(String message) {
        super(message);
    }

    /** The problem type the API answers with (409): a stable code a client may act on. */
    public String problemType() {
        return "conflict";
    }
}
