package org.cofinance.application.shared;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.cofinance.domain.model.shared.ValidationException;

/**
 * Remembers, per user and Idempotency-Key, which resource a POST created, in the caller's transaction, so that a
 * replay returns the first answer and moves nothing again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IdempotencyStore {

    private final IdempotentResponses responses;
    private final Clock clock;

    @Inject
    public IdempotencyStore(IdempotentResponses responses, Clock clock) {
        this.responses = responses;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected IdempotencyStore() {
        this(null, null);
    }

    /**
     * @return the id of the resource the first call with this key created, if any
     * @throws IdempotencyKeyReusedException when the key answered another operation or another body
     */
    public Optional<Long> replay(String username, String key, String operation, Object command) {
        validate(key);
        Optional<IdempotentResponses.StoredResponse> first = responses.find(username, key);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (!first.get().operation().equals(operation) || !hash(command).equals(first.get().requestHash())) {
            throw new IdempotencyKeyReusedException(key);
        }
        return Optional.of(Long.valueOf(first.get().location()));
    }

    /**
     * What the first call with this key answered, loaded again by {@code load} from the id of what it created; empty
     * when there is no key or no first call.
     *
     * @throws IdempotencyKeyReusedException when the key answered another operation or another body
     */
    public <T> Optional<T> replayed(String username, String key, String operation, Object command,
                                    Function<Long, T> load) {
        return key == null ? Optional.empty() : replay(username, key, operation, command).map(load);
    }

    public void remember(String username, String key, String operation, Object command, int status, Long resourceId) {
        responses.save(username, key, operation, hash(command), status, String.valueOf(resourceId), clock.instant());
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > 200) {
            throw ValidationException.of("Idempotency-Key", "is 1 to 200 characters");
        }
    }

    static String hash(Object command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
