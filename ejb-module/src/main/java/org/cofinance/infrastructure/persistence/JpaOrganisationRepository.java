package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;

/** Organisations in PostgreSQL through JPA. */
@ApplicationScoped
public class JpaOrganisationRepository implements OrganisationRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<Organisation> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Organisation.class, id));
    }

    @Override
    public List<Organisation> list(int offset, int limit) {
        return em.createQuery("select o from Organisation o order by o.id", Organisation.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
    }

    @Override
    public boolean existsWithSiret(String siret) {
        return !em.createQuery("select o.id from Organisation o where o.siret.value = :s", Long.class)
                .setParameter("s", siret).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void add(Organisation organisation) {
        em.persist(organisation);
        em.flush();
    }
}
