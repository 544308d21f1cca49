package org.cofinance.domain.model.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a user name is throttled: after {@link #MAX_FAILURES} wrong passwords within {@link #WINDOW} with no success
 * in between, every further try is refused unchecked until the window has passed since the last wrong password.
 */
public final class SignInPolicy {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private SignInPolicy() {
    }

    /**
     * Until when the name is throttled, given its recent attempts (newest first, at least those of the window).
     */
    public static Optional<Instant> throttledUntil(List<SignInAttempt> recentNewestFirst, Instant now) {
        int failures = 0;
        Instant lastFailure = null;
        for (SignInAttempt attempt : recentNewestFirst) {
            if (attempt.at().isBefore(now.minus(WINDOW)) || attempt.outcome() == SignInAttempt.Outcome.SUCCESS) {
                break;
            }
            if (attempt.outcome() == SignInAttempt.Outcome.BAD_CREDENTIALS) {
                failures++;
                if (lastFailure == null) {
                    lastFailure = attempt.at();
                }
            }
        }
        return failures >= MAX_FAILURES ? Optional.of(lastFailure.plus(WINDOW)) : Optional.empty();
    }
}
