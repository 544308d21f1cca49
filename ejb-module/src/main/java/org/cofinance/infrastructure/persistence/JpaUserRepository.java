package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.UserEvent;
import org.cofinance.domain.model.user.UserRepository;

/** The identity store in PostgreSQL through JPA. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public Optional<AppUser> find(String username) {
        return Optional.ofNullable(username == null ? null : em.find(AppUser.class, username));
    }

    @Override
    public List<AppUser> list() {
        return em.createQuery("select u from AppUser u order by u.username", AppUser.class).getResultList();
    }

    @Override
    public List<AppUser> enabled() {
        return em.createQuery("select u from AppUser u where u.enabled = true order by u.username", AppUser.class)
                .getResultList();
    }

    @Override
    public List<String> emailsOf(Role role, Long organisationId) {
        TypedQuery<String> query = em.createQuery("select u.email from AppUser u join u.roles r where r = :role "
                + "and u.enabled = true and u.email is not null"
                + (organisationId == null ? "" : " and u.organisationId = :org"), String.class)
                .setParameter("role", role);
        if (organisationId != null) {
            query.setParameter("org", organisationId);
        }
        return query.getResultList();
    }

    @Override
    public List<AppUser> withEmail(String email) {
        return em.createQuery("select u from AppUser u where lower(u.email) = lower(:email) order by u.username",
                AppUser.class).setParameter("email", email).getResultList();
    }

    @Override
    public void add(AppUser user) {
        em.persist(user);
    }

    @Override
    public void record(UserEvent event) {
        em.persist(event);
    }
}
