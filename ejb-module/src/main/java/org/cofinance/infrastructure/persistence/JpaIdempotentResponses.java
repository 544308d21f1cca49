package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.cofinance.application.shared.IdempotentResponses;

/** The first answers to Idempotency-Keys, in the {@code idempotent_response} table. */
@ApplicationScoped
public class JpaIdempotentResponses implements IdempotentResponses {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<StoredResponse> find(String username, String key) {
        return em.createNativeQuery("select operation, request_hash, location from idempotent_response "
                        + "where username = ?1 and idempotency_key = ?2")
                .setParameter(1, username).setParameter(2, key).getResultStream()
                .findFirst().map(row -> {
                    Object[] columns = (Object[]) row;
                    return new StoredResponse((String) columns[0], (String) columns[1], (String) columns[2]);
                });
    }

    @Override
    public void save(String username, String key, String operation, String requestHash, int status, String location,
                     Instant at) {
        em.createNativeQuery("insert into idempotent_response (idempotency_key, username, operation, request_hash, "
                        + "status, location, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, key).setParameter(2, username).setParameter(3, operation)
                .setParameter(4, requestHash).setParameter(5, status).setParameter(6, location)
                .setParameter(7, Timestamp.from(at))
                .executeUpdate();
    }
}
