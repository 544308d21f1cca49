package org.cofinance.application.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.cofinance.application.support.MutableClock;
import org.junit.jupiter.api.Test;

class OpenDataCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final AtomicInteger reads = new AtomicInteger();

    private OpenDataService.Download read() {
        reads.incrementAndGet();
        return new OpenDataService.Download(new byte[] {(byte) reads.get()}, "f.csv", "text/csv");
    }

    @Test
    void shouldReadTheDatabaseOnceAMinutePerKindOfAnswer() {
        OpenDataCache cache = new OpenDataCache(clock, Duration.ofSeconds(60));

        // when the same answer is asked again within the minute, then the first is given again
        OpenDataService.Download first = cache.get("scdl", this::read);
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get("scdl", this::read)).isSameAs(first);
        assertThat(cache.get("360giving", this::read)).isNotSameAs(first);
        assertThat(reads).hasValue(2);

        // when the minute is over, then it is read anew
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("scdl", this::read).content()).containsExactly(3);
    }

    @Test
    void shouldKeepNothingWhenTheLifetimeIsZero() {
        OpenDataCache cache = new OpenDataCache(clock, Duration.ZERO);
        cache.get("scdl", this::read);
        cache.get("scdl", this::read);
        assertThat(reads).hasValue(2);
    }
}
