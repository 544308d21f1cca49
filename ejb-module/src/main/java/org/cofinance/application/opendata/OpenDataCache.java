package org.cofinance.application.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The open data answers this node made lately, kept {@code cofinance.opendata.cache-seconds} (60 by default; 0 keeps
 * nothing): however many anonymous calls come, the database is read once a minute per kind of answer. A published
 * grant thus shows at most that long after its convention is signed.
 */
@ApplicationScoped
public class OpenDataCache {

    private record Kept(Instant until, OpenDataService.Download download) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    @Inject
    public OpenDataCache(Clock clock) {
        this(clock, Duration.ofSeconds(Long.getLong("cofinance.opendata.cache-seconds", 60)));
    }

    public OpenDataCache(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** For the container's proxies only. */
    protected OpenDataCache() {
        this.clock = null;
        this.lifetime = null;
    }

    public OpenDataService.Download get(String key, Supplier<OpenDataService.Download> make) {
        Instant now = clock.instant();
        Kept hit = kept.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.download();
        }
        OpenDataService.Download made = make.get();
        if (!lifetime.isZero()) {
            kept.put(key, new Kept(now.plus(lifetime), made));
        }
        return made;
    }
}
