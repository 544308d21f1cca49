package org.cofinance.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs lifecycles with N concurrent clients and measures them: warm-up lifecycles first, not counted, so that every
 * path is measured with its code compiled.
 */
final class LifecycleRun {

    private LifecycleRun() {
    }

    record Phase(String name, int lifecycles, int failures, double seconds, long p50Micros, long p99Micros) {
        double perSecond() {
            return (lifecycles - failures) / seconds;
        }
    }

    @FunctionalInterface
    interface Lifecycle {
        void run(int index) throws Exception;
    }

    /** Runs the warm-up lifecycles, forgets what they measured, then runs and measures the counted ones. */
    static Phase warmThenRun(String name, int warmUp, int lifecycles, int clients, Runnable forget,
                                     Lifecycle lifecycle) throws InterruptedException {
        if (warmUp > 0) {
            run(name + " warm-up", warmUp, clients, index -> lifecycle.run(lifecycles + index));
        }
        forget.run();
        return run(name, lifecycles, clients, lifecycle);
    }

    private static Phase run(String name, int lifecycles, int clients, Lifecycle lifecycle)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < lifecycles; i = next.getAndIncrement()) {
                        long began = System.nanoTime();
                        try {
                            lifecycle.run(i);
                            micros.add((System.nanoTime() - began) / 1_000);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            System.err.println(name + ": lifecycle " + i + " failed: " + e);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "client-" + c);
            client.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(name, lifecycles, failures.get(), seconds, Percentiles.of(sorted, 50),
                Percentiles.of(sorted, 99));
    }
}
