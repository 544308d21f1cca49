package org.cofinance.interfaces.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many calls one client address may make in a sliding minute; beyond, it waits until the oldest leaves the
 * window. Kept in this node's memory: behind a balancer each node counts its own share.
 */
public final class AddressThrottle {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> calls = new ConcurrentHashMap<>();

    public AddressThrottle(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("a throttle lets at least one call a minute through");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** @return zero when the call may go on, else how long the address waits (Retry-After) */
    public Duration admit(String address) {
        Instant now = clock.instant();
        Deque<Instant> recent = calls.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(WINDOW))) {
                recent.pollFirst();
            }
            if (recent.size() >= perMinute) {
                Duration wait = Duration.between(now, recent.peekFirst().plus(WINDOW));
                return wait.isZero() || wait.isNegative() ? Duration.ofSeconds(1) : wait;
            }
            recent.addLast(now);
            return Duration.ZERO;
        }
    }
}
