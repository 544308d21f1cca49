package org.cofinance.application.shared;

import java.time.Instant;
import java.util.Optional;

/** Where the first answer to each user's Idempotency-Key is kept, per operation. */
public interface IdempotentResponses {

    /** The first answer: a digest of the body it answered, and where the resource it created lives. */
    record StoredResponse(String requestHash, String location) {
    }

    Optional<StoredResponse> find(String username, String key, String operation);

    void save(String username, String key, String operation, String requestHash, int status, String location,
              Instant at);
}
