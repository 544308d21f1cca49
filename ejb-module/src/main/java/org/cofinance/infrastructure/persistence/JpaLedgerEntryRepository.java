package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;

/** Ledger entries in PostgreSQL; a trigger refuses to update, delete or truncate them. */
@ApplicationScoped
public class JpaLedgerEntryRepository implements LedgerEntryRepository {

    @PersistenceContext
    private EntityManager em;

    public JpaLedgerEntryRepository() {
    }

    /** On an entity manager of its own (the benchmarks), outside the container. */
    public JpaLedgerEntryRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * One statement whatever the number of keys, bound as one array: its plan is prepared once, where an IN list is
     * translated again for each call and varies with the batch's size.
     */
    @Override
    @SuppressWarnings("unchecked")
    public List<LedgerEntry> findByKeys(Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select * from ledger_entry where idempotency_key = any(?1)", LedgerEntry.class)
                .setParameter(1, idempotencyKeys.toArray(String[]::new)).getResultList();
    }

    @Override
    public List<LedgerEntry> ofEnvelope(Long envelopeId, int offset, int limit) {
        return em.createQuery("select l from LedgerEntry l where l.envelopeId = :id order by l.id", LedgerEntry.class)
                .setParameter("id", envelopeId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long countOfEnvelope(Long envelopeId) {
        return em.createQuery("select count(l) from LedgerEntry l where l.envelopeId = :id", Long.class)
                .setParameter("id", envelopeId).getSingleResult();
    }

    @Override
    public List<LedgerEntry> ofRequest(Long requestId) {
        return em.createQuery("select e from LedgerEntry e where e.requestId = :r order by e.id", LedgerEntry.class)
                .setParameter("r", requestId).getResultList();
    }

    @Override
    public void record(LedgerEntry entry) {
        em.persist(entry);
    }
}
