package org.cofinance.application.shared;

/** An Idempotency-Key already answered another request body. Nothing was changed. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String key) {
        super("the Idempotency-Key " + key + " was already used with another request body");
    }
}
