package org.cofinance.application.shared;

import java.time.Instant;
import java.util.Optional;

/** Where the first answer to each user's Idempotency-Key is kept, with the operation it answered. */
public interface IdempotentResponses {

    /** The first answer: the operation and a digest of the body it answered, where the resource it created lives. */
    record StoredResponse(String operation, String requestHash, String location) {
    }

    Optional<StoredResponse> find(String username, String key);

    void save(String username, String key, String operation, String requestHash, int status, String location,
              Instant at);
}
