package org.cofinance.domain.model.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When sign-ins are throttled. A user name, from the address that failed: after {@link #MAX_FAILURES} wrong passwords
 * from that address within {@link #WINDOW} with no success in between, every further try of that name from that
 * address is refused unchecked until the window has passed since the last wrong password — so that someone typing an
 * approver's name five times does not lock the approver out of his work from his own desk. An address: after a
 * higher number of wrong passwords within the window, whatever the names (password spraying), every try from it is
 * refused until the window has passed since its last wrong password.
 */
public final class SignInPolicy {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private SignInPolicy() {
    }

    /** The wrong passwords from one address, any names, that throttle it by default. */
    public static final int MAX_FAILURES_PER_ADDRESS = 30;

    /**
     * Until when the name is throttled, given its recent attempts (newest first, at least those of the window).
     */
    public static Optional<Instant> throttledUntil(List<SignInAttempt> recentNewestFirst, Instant now) {
        return throttledUntil(recentNewestFirst, now, MAX_FAILURES, true);
    }

    /**
     * Until when an address is throttled, given its recent attempts whatever the names (newest first, at least the
     * wrong passwords of the window): a success of one name does not wipe the others' failures.
     */
    public static Optional<Instant> addressThrottledUntil(List<SignInAttempt> recentNewestFirst, Instant now,
                                                          int maxFailures) {
        return throttledUntil(recentNewestFirst, now, maxFailures, false);
    }

    /** The wrong passwords of the window, newest first, counted back to a success when one wipes them. */
    private static Optional<Instant> throttledUntil(List<SignInAttempt> recentNewestFirst, Instant now,
                                                    int maxFailures, boolean successWipes) {
        int failures = 0;
        Instant lastFailure = null;
        for (SignInAttempt attempt : recentNewestFirst) {
            boolean wiped = successWipes && attempt.outcome() == SignInAttempt.Outcome.SUCCESS;
            if (attempt.at().isBefore(now.minus(WINDOW)) || wiped) {
                break;
            }
            if (attempt.outcome() == SignInAttempt.Outcome.BAD_CREDENTIALS) {
                failures++;
                if (lastFailure == null) {
                    lastFailure = attempt.at();
                }
            }
        }
        return failures >= maxFailures ? Optional.of(lastFailure.plus(WINDOW)) : Optional.empty();
    }
}
