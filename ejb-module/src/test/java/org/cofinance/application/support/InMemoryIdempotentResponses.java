package org.cofinance.application.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cofinance.application.shared.IdempotentResponses;

/** The first answers to Idempotency-Keys, kept in memory per user and key, as the table's primary key does. */
public final class InMemoryIdempotentResponses implements IdempotentResponses {

    private final Map<List<String>, StoredResponse> responses = new HashMap<>();

    @Override
    public Optional<StoredResponse> find(String username, String key) {
        return Optional.ofNullable(responses.get(List.of(username, key)));
    }

    @Override
    public void save(String username, String key, String operation, String requestHash, int status, String location,
                     Instant at) {
        if (responses.putIfAbsent(List.of(username, key), new StoredResponse(operation, requestHash,
                location)) != null) {
            throw new IllegalStateException("the key " + key + " answered already");
        }
    }
}
