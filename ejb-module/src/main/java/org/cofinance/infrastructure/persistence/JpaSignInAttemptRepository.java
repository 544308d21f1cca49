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
    public void serialiseAddress(String address) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "sign-in-from:" + address)
                .getSingleResult();
    }

    @Override
    public List<SignInAttempt> recentOf(String username, String address, Instant since, int limit) {
        return em.createQuery("select a from SignInAttempt a where a.username = :u and a.remoteAddress = :address "
                        + "and a.at >= :since order by a.at desc, a.id desc", SignInAttempt.class)
                .setParameter("u", username).setParameter("address", address).setParameter("since", since)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<SignInAttempt> failuresFrom(String address, Instant since, int limit) {
        return em.createQuery("select a from SignInAttempt a where a.remoteAddress = :address and a.at >= :since "
                        + "and a.outcome = :failure order by a.at desc, a.id desc", SignInAttempt.class)
                .setParameter("address", address).setParameter("since", since)
                .setParameter("failure", SignInAttempt.Outcome.BAD_CREDENTIALS).setMaxResults(limit).getResultList();
    }

    @Override
    public void add(SignInAttempt attempt) {
        em.persist(attempt);
    }
}
