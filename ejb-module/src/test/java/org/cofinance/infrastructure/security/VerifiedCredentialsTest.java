package org.cofinance.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void shouldRememberOnlyTheVerifiedPasswordUntilItExpires() {
        VerifiedCredentials at0 = new VerifiedCredentials(Duration.ofMinutes(5), Clock.fixed(T0, ZoneOffset.UTC));
        at0.remember("cdc", "cdc".toCharArray());

        assertThat(at0.contains("cdc", "cdc".toCharArray())).isTrue();
        assertThat(at0.contains("cdc", "CDC".toCharArray())).isFalse();
        assertThat(at0.contains("investor", "cdc".toCharArray())).isFalse();
        at0.forget("cdc");
        assertThat(at0.contains("cdc", "cdc".toCharArray())).isFalse();
    }

    @Test
    void shouldForgetAfterItsTimeToLive() {
        MutableClock clock = new MutableClock();
        VerifiedCredentials credentials = new VerifiedCredentials(Duration.ofMinutes(5), clock);
        credentials.remember("cdc", "cdc".toCharArray());

        clock.now = T0.plus(Duration.ofMinutes(6));

        assertThat(credentials.contains("cdc", "cdc".toCharArray())).isFalse();
    }

    private static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
