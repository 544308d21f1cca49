package org.cofinance.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.user.SignInAttempt.Channel;
import org.cofinance.domain.model.user.SignInAttempt.Outcome;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** Attempts newest first, {@code minutesAgo} each. */
    private static List<SignInAttempt> attempts(Object... outcomeAndMinutesAgo) {
        List<SignInAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < outcomeAndMinutesAgo.length; i += 2) {
            attempts.add(new SignInAttempt("user", Channel.FORM, "127.0.0.1",
                    NOW.minus(Duration.ofMinutes((Integer) outcomeAndMinutesAgo[i + 1])),
                    (Outcome) outcomeAndMinutesAgo[i]));
        }
        return attempts;
    }

    @Test
    void shouldThrottleAfterFiveWrongPasswordsUntilFifteenMinutesAfterTheLast() {
        List<SignInAttempt> recent = attempts(Outcome.BAD_CREDENTIALS, 1, Outcome.BAD_CREDENTIALS, 2,
                Outcome.BAD_CREDENTIALS, 3, Outcome.BAD_CREDENTIALS, 4, Outcome.BAD_CREDENTIALS, 5);

        assertThat(SignInPolicy.throttledUntil(recent, NOW)).contains(NOW.minus(Duration.ofMinutes(1))
                .plus(SignInPolicy.WINDOW));
    }

    @Test
    void shouldNotThrottleFourWrongPasswordsNorCountThoseBeforeASuccess() {
        List<SignInAttempt> four = attempts(Outcome.BAD_CREDENTIALS, 1, Outcome.BAD_CREDENTIALS, 2,
                Outcome.THROTTLED, 2, Outcome.BAD_CREDENTIALS, 3, Outcome.BAD_CREDENTIALS, 4);
        List<SignInAttempt> afterSuccess = attempts(Outcome.BAD_CREDENTIALS, 1, Outcome.SUCCESS, 2,
                Outcome.BAD_CREDENTIALS, 3, Outcome.BAD_CREDENTIALS, 4, Outcome.BAD_CREDENTIALS, 5,
                Outcome.BAD_CREDENTIALS, 6, Outcome.BAD_CREDENTIALS, 7);

        assertThat(SignInPolicy.throttledUntil(four, NOW)).isEmpty();
        assertThat(SignInPolicy.throttledUntil(afterSuccess, NOW)).isEmpty();
    }

    @Test
    void shouldForgetWrongPasswordsOlderThanTheWindow() {
        List<SignInAttempt> old = attempts(Outcome.BAD_CREDENTIALS, 16, Outcome.BAD_CREDENTIALS, 17,
                Outcome.BAD_CREDENTIALS, 18, Outcome.BAD_CREDENTIALS, 19, Outcome.BAD_CREDENTIALS, 20);

        assertThat(SignInPolicy.throttledUntil(old, NOW)).isEmpty();
    }

    @Test
    void shouldCompareUserNamesTrimmedAndInLowerCase() {
        assertThat(SignInAttempt.normalise("  Officer ")).isEqualTo("officer");
        assertThat(SignInAttempt.normalise(null)).isEmpty();
        assertThat(SignInAttempt.normalise("x".repeat(100))).hasSize(64);
    }
}
