package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.domain.model.user.SignInAttemptRepository;

/** Sign-in tries in PostgreSQL; a user name's tries are serialised by a transaction-scoped advisory lock. */
@ApplicationScoped
public class JpaSignInAttemptRepository implements SignInAttemptRepository {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void serialise(String username) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "sign-in:" + username)
                .getSingleResult();
    }

    @Override
    public List<SignInAttempt> recentOf(String username, Instant since, int limit) {
        return em.createQuery("select a from SignInAttempt a where a.username = :u and a.at >= :since "
                        + "order by a.at desc, a.id desc", SignInAttempt.class)
                .setParameter("u", username).setParameter("since", since).setMaxResults(limit).getResultList();
    }

    @Override
    public void add(SignInAttempt attempt) {
        em.persist(attempt);
    }
}
