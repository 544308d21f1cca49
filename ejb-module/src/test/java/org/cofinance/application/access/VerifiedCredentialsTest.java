package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cofinance.application.support.MutableClock;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static final String STORED = "pbkdf2-sha256$210000$c2FsdA==$aGFzaA==";

    @Test
    void shouldRememberOnlyTheVerifiedPasswordOfTheVerifiedUser() {
        // given
        VerifiedCredentials at0 = new VerifiedCredentials(Duration.ofMinutes(5), Clock.fixed(T0, ZoneOffset.UTC));

        // when
        at0.remember("cdc", STORED, "cdc".toCharArray());

        // then
        assertThat(at0.contains("cdc", STORED, "cdc".toCharArray())).isTrue();
        assertThat(at0.contains("cdc", STORED, "CDC".toCharArray())).isFalse();
        assertThat(at0.contains("investor", STORED, "cdc".toCharArray())).isFalse();
    }

    @Test
    void shouldCheckAgainOncePasswordChangedInTheStoreWhereverItWasChanged() {
        // given a node that verified the old password
        VerifiedCredentials node = new VerifiedCredentials(Duration.ofMinutes(5), Clock.fixed(T0, ZoneOffset.UTC));
        node.remember("cdc", STORED, "old-password".toCharArray());

        // when another node changed it: the store now holds another hash
        String changed = "pbkdf2-sha256$210000$bmV3$bmV3aGFzaA==";

        // then the old password is not taken as verified any more
        assertThat(node.contains("cdc", changed, "old-password".toCharArray())).isFalse();
    }

    @Test
    void shouldForgetAfterItsTimeToLive() {
        // given
        MutableClock clock = new MutableClock(T0);
        VerifiedCredentials credentials = new VerifiedCredentials(Duration.ofMinutes(5), clock);
        credentials.remember("cdc", STORED, "cdc".toCharArray());

        // when
        clock.advance(Duration.ofMinutes(6));

        // then
        assertThat(credentials.contains("cdc", STORED, "cdc".toCharArray())).isFalse();
    }
}
