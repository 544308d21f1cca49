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

    @Test
    void shouldCountAWrongPasswordExactlyAtTheWindowsEdgeAndNotOneJustBefore() {
        // given four wrong passwords within the window and a fifth exactly fifteen minutes ago
        List<SignInAttempt> atTheEdge = attempts(Outcome.BAD_CREDENTIALS, 1, Outcome.BAD_CREDENTIALS, 2,
                Outcome.BAD_CREDENTIALS, 3, Outcome.BAD_CREDENTIALS, 4, Outcome.BAD_CREDENTIALS, 15);
        List<SignInAttempt> beyond = attempts(Outcome.BAD_CREDENTIALS, 1, Outcome.BAD_CREDENTIALS, 2,
                Outcome.BAD_CREDENTIALS, 3, Outcome.BAD_CREDENTIALS, 4, Outcome.BAD_CREDENTIALS, 16);

        // then the first still throttles, the second does not
        assertThat(SignInPolicy.throttledUntil(atTheEdge, NOW)).isPresent();
        assertThat(SignInPolicy.throttledUntil(beyond, NOW)).isEmpty();
    }

    @Test
    void shouldThrottleAnAddressOnItsOwnCountEvenAcrossASuccessOfOneName() {
        // given three wrong passwords from an address, a success of some name between them
        List<SignInAttempt> spraying = attempts(Outcome.BAD_CREDENTIALS, 1, Outcome.SUCCESS, 2,
                Outcome.BAD_CREDENTIALS, 3, Outcome.SIGNED_OUT, 3, Outcome.BAD_CREDENTIALS, 4);

        // then a limit of three throttles it until fifteen minutes after the newest, a limit of four does not
        assertThat(SignInPolicy.addressThrottledUntil(spraying, NOW, 3))
                .contains(NOW.minus(Duration.ofMinutes(1)).plus(SignInPolicy.WINDOW));
        assertThat(SignInPolicy.addressThrottledUntil(spraying, NOW, 4)).isEmpty();
        assertThat(SignInPolicy.throttledUntil(spraying, NOW)).isEmpty();
    }

    @Test
    void shouldKeepTheNameAndAddressAsTheStoreComparesThem() {
        // when an attempt is kept with a long padded name and a long address
        SignInAttempt attempt = new SignInAttempt("  " + "A".repeat(70) + " ", Channel.OIDC, "9".repeat(80), NOW,
                Outcome.UNKNOWN_IDENTITY);

        // then both are cut to 64 characters, the name trimmed and in lower case
        assertThat(attempt.username()).isEqualTo("a".repeat(64));
        assertThat(attempt.remoteAddress()).hasSize(64);
        assertThat(attempt.at()).isEqualTo(NOW);
        assertThat(new SignInAttempt(null, Channel.FORM, null, NOW, Outcome.SUCCESS).username()).isEmpty();
    }
}
