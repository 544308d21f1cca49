package org.cofinance.application.shared;

/** The caller lacks the role or the organisation for what he asked. Nothing was changed. */
public class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
