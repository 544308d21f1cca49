package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.AmendmentRepository;

/**
 * Amendments in PostgreSQL; a unique index keeps one pending amendment per request, another one answer per person
 * and funder on an amendment, and a trigger keeps the answers unchanged.
 */
@ApplicationScoped
public class JpaAmendmentRepository implements AmendmentRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void add(Amendment amendment) {
        em.persist(amendment);
        em.flush();
    }

    @Override
    public Optional<Amendment> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Amendment.class, id));
    }

    @Override
    public Optional<Amendment> lock(Long id) {
        Optional<Amendment> amendment = find(id);
        amendment.ifPresent(a -> em.refresh(a, LockModeType.PESSIMISTIC_WRITE));
        return amendment;
    }

    @Override
    public List<Amendment> ofRequests(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from Amendment a where a.request.id in :r order by a.id", Amendment.class)
                .setParameter("r", requestIds).getResultList();
    }

    @Override
    public Optional<Amendment> pendingOf(Long requestId) {
        return em.createQuery("select a from Amendment a where a.request.id = :r and a.status = :s", Amendment.class)
                .setParameter("r", requestId).setParameter("s", Amendment.Status.PENDING).getResultStream()
                .findFirst();
    }

    @Override
    public void flush() {
        em.flush();
    }
}
