package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.programme.ProgrammeRepository;

/** Programmes in PostgreSQL through JPA. */
@ApplicationScoped
public class JpaProgrammeRepository implements ProgrammeRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<Programme> findByCode(String code) {
        return em.createQuery("select p from Programme p where p.code = :code", Programme.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public List<Programme> all() {
        return em.createQuery("select p from Programme p order by p.code", Programme.class).getResultList();
    }

    @Override
    public void add(Programme programme) {
        em.persist(programme);
        em.flush();
    }
}
