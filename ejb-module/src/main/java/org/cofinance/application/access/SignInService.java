package org.cofinance.application.access;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cofinance.domain.model.user.SignInAttempt.Channel;
import org.cofinance.domain.model.user.SignInAttempt.Outcome;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.domain.model.user.SignInPolicy;

/**
 * Signs users in, for the login page and for the API's Basic authentication, over the one identity store. Every
 * failed try is audited (name typed, channel, address, UTC time) and counts towards the throttling of
 * {@link SignInPolicy}, kept in the database so that every node of a cluster applies it. Sign-ins and sign-outs of the
 * login page are audited too; the API's successful calls are not (each call signs in).
 */
@Stateless
public class SignInService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private UserDirectory users;

    @Inject
    private Clock clock;

    public enum Status { SIGNED_IN, REFUSED, THROTTLED }

    /** The outcome of one try; {@code username} is the name as stored, {@code retryAfter} set when throttled. */
    /** What a sign-in came to; {@code caller} is who signed in, read from the store, when he did. */
    public record Result(Status status, String username, Instant retryAfter, Caller caller) {
        public boolean signedIn() {
            return status == Status.SIGNED_IN;
        }
    }

    public Result signIn(String typedName, char[] password, Channel channel, String remoteAddress) {
        String username = SignInAttempt.normalise(typedName);
        boolean knownGood = channel == Channel.BASIC && users.rememberedAsVerified(username, password);
        if (!knownGood) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "sign-in:" + username)
                    .getSingleResult();
            Optional<Instant> until = SignInPolicy.throttledUntil(recentAttempts(username), clock.instant());
            if (until.isPresent()) {
                record(username, channel, remoteAddress, Outcome.THROTTLED);
                return new Result(Status.THROTTLED, username, until.get(), null);
            }
        }
        Optional<Caller> caller = users.authenticate(username, password);
        if (caller.isEmpty()) {
            record(username, channel, remoteAddress, Outcome.BAD_CREDENTIALS);
            return new Result(Status.REFUSED, username, null, null);
        }
        if (channel == Channel.FORM) {
            record(username, channel, remoteAddress, Outcome.SUCCESS);
        }
        return new Result(Status.SIGNED_IN, username, null, caller.get());
    }

    public void signedOut(String username, String remoteAddress) {
        record(username, Channel.FORM, remoteAddress, Outcome.SIGNED_OUT);
    }

    private java.util.List<SignInAttempt> recentAttempts(String username) {
        return em.createQuery("select a from SignInAttempt a where a.username = :u and a.at >= :since "
                        + "order by a.at desc, a.id desc", SignInAttempt.class)
                .setParameter("u", username).setParameter("since", clock.instant().minus(SignInPolicy.WINDOW))
                .setMaxResults(100).getResultList();
    }

    private void record(String username, Channel channel, String remoteAddress, Outcome outcome) {
        em.persist(new SignInAttempt(username, channel, remoteAddress, clock.instant(), outcome));
    }
}
