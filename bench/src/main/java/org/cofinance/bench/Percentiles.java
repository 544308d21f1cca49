package org.cofinance.bench;

/** The one way the harnesses read a percentile: the nearest rank over sorted measures. */
final class Percentiles {

    private Percentiles() {
    }

    /** The smallest measure that {@code percent} % of the sorted measures do not exceed; 0 when there are none. */
    static long of(long[] sorted, int percent) {
        return sorted.length == 0 ? 0
                : sorted[Math.max(0, Math.min(sorted.length - 1,
                        (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
    }
}
