package org.cofinance.application.shared;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.shared.ValidationException;

/**
 * Remembers, per user and Idempotency-Key, which resource a POST created, in the caller's transaction, so that a
 * replay returns the first answer and moves nothing again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IdempotencyStore {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * @return the id of the resource the first call with this key created, if any
     * @throws IdempotencyKeyReusedException when the key answered another body
     */
    public Optional<Long> replay(String username, String key, String operation, Object command) {
        validate(key);
        List<?> rows = em.createNativeQuery("select request_hash, location from idempotent_response "
                        + "where username = ?1 and idempotency_key = ?2 and operation = ?3")
                .setParameter(1, username).setParameter(2, key).setParameter(3, operation).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (!hash(command).equals(row[0])) {
            throw new IdempotencyKeyReusedException(key);
        }
        return Optional.of(Long.valueOf((String) row[1]));
    }

    public void remember(String username, String key, String operation, Object command, int status, Long resourceId) {
        em.createNativeQuery("insert into idempotent_response (idempotency_key, username, operation, request_hash, "
                        + "status, location, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, key).setParameter(2, username).setParameter(3, operation)
                .setParameter(4, hash(command)).setParameter(5, status).setParameter(6, String.valueOf(resourceId))
                .setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate();
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
