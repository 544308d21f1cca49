package org.cofinance.application.access;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.cofinance.domain.model.user.SignInAttempt.Channel;
import org.cofinance.domain.model.user.SignInAttempt.Outcome;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.domain.model.user.SignInAttemptRepository;
import org.cofinance.domain.model.user.SignInPolicy;

/**
 * Signs users in, for the login page and for the API's Basic authentication, over the one identity store. Every
 * failed try is audited (name typed, channel, address, UTC time) and counts towards the throttling of
 * {@link SignInPolicy}, kept in the database so that every node of a cluster applies it. Sign-ins and sign-outs of the
 * login page are audited too; the API's successful calls are not (each call signs in).
 */
@Stateless
public class SignInService {

    private final UserDirectory users;
    private final SignInAttemptRepository attempts;
    private final Clock clock;
    /** {@code -Dcofinance.signin.max-failures-per-address}: wrong passwords from one address that throttle it. */
    private final int maxFailuresPerAddress = Integer.getInteger("cofinance.signin.max-failures-per-address",
            SignInPolicy.MAX_FAILURES_PER_ADDRESS);

    @Inject
    public SignInService(UserDirectory users, SignInAttemptRepository attempts, Clock clock) {
        this.users = users;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected SignInService() {
        this(null, null, null);
    }

    public enum Status { SIGNED_IN, REFUSED, THROTTLED }

    /**
     * What a sign-in came to; {@code caller} is who signed in, read from the store, when he did, and
     * {@code passwordChangeRequired} whether he must first replace a password an administrator chose.
     */
    public record Result(Status status, String username, Instant retryAfter, Caller caller,
                         boolean passwordChangeRequired) {
        public boolean signedIn() {
            return status == Status.SIGNED_IN;
        }

        static Result refused(String username) {
            return new Result(Status.REFUSED, username, null, null, false);
        }
    }

    /**
     * Signs in from {@code remoteAddress}, unless that name is throttled from that address or the address itself is
     * (see {@link SignInPolicy}); a password this node verified a few minutes ago for the API skips the throttling.
     */
    public Result signIn(String typedName, char[] password, Channel channel, String remoteAddress) {
        String username = SignInAttempt.normalise(typedName);
        boolean knownGood = channel == Channel.BASIC && users.rememberedAsVerified(username, password);
        if (!knownGood) {
            String address = remoteAddress == null ? "unknown" : remoteAddress;
            Instant now = clock.instant();
            attempts.serialise(username);
            attempts.serialiseAddress(address);
            Optional<Instant> until = SignInPolicy.throttledUntil(
                    attempts.recentOf(username, address, now.minus(SignInPolicy.WINDOW), 100), now)
                    .or(() -> SignInPolicy.addressThrottledUntil(attempts.failuresFrom(address,
                            now.minus(SignInPolicy.WINDOW), maxFailuresPerAddress), now, maxFailuresPerAddress));
            if (until.isPresent()) {
                record(username, channel, remoteAddress, Outcome.THROTTLED);
                return new Result(Status.THROTTLED, username, until.get(), null, false);
            }
        }
        Optional<Caller> caller = users.authenticate(username, password);
        if (caller.isEmpty()) {
            record(username, channel, remoteAddress, Outcome.BAD_CREDENTIALS);
            return Result.refused(username);
        }
        if (channel == Channel.FORM) {
            record(username, channel, remoteAddress, Outcome.SUCCESS);
        }
        return new Result(Status.SIGNED_IN, username, null, caller.get(), users.passwordChangeRequired(username));
    }

    /**
     * Signs in the user an identity provider vouches for ({@code OIDC}: the pages' single sign-on, audited;
     * {@code BEARER}: an API call with the provider's access token, audited when refused only). An identity no
     * enabled user answers to is refused and audited as such. No password is involved: none has to be changed.
     */
    public Result signIn(FederatedIdentity identity, Channel channel, String remoteAddress) {
        Optional<Caller> caller = users.federated(identity);
        if (caller.isEmpty()) {
            record(SignInAttempt.normalise(identity.auditName()), channel, remoteAddress, Outcome.UNKNOWN_IDENTITY);
            return Result.refused(identity.auditName());
        }
        String username = caller.get().username();
        if (channel == Channel.OIDC) {
            record(username, channel, remoteAddress, Outcome.SUCCESS);
        }
        return new Result(Status.SIGNED_IN, username, null, caller.get(), false);
    }

    /** A credential that could not even be read (no Basic header, bad Base64): refused, nothing to audit. */
    public static Result unreadable() {
        return Result.refused(null);
    }

    /**
     * Whether a page session signed in at {@code signedInAt} goes on: the account is still enabled and its password
     * was not reset since. Read from the database, so that a reset or a disable on one node ends the sessions of
     * every node.
     */
    public boolean sessionStillValid(String username, Instant signedInAt) {
        return users.sessionStillValid(username, signedInAt);
    }

    /** Whether the user must still replace a password an administrator chose. */
    public boolean passwordChangeRequired(String username) {
        return users.passwordChangeRequired(username);
    }

    public void signedOut(String username, String remoteAddress) {
        record(username, Channel.FORM, remoteAddress, Outcome.SIGNED_OUT);
    }

    private void record(String username, Channel channel, String remoteAddress, Outcome outcome) {
        attempts.add(new SignInAttempt(username, channel, remoteAddress, clock.instant(), outcome));
    }
}
