package org.cofinance.domain.model.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * Who moves money, when (UTC), under which idempotency key and why: what every ledger entry records.
 */
public record Movement(String author, Instant at, String idempotencyKey, String reason) {

    public Movement {
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("a movement has an author");
        }
        Objects.requireNonNull(at, "at");
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("a movement has an idempotency key of at most 200 characters");
        }
    }

    public static Movement by(String author, Instant at, String idempotencyKey) {
        return new Movement(author, at, idempotencyKey, null);
    }
}
