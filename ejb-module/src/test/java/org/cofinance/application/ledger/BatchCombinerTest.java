package org.cofinance.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BatchCombinerTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void shouldRunTheOrdersHandedInWhileABatchRunsTogetherAndGiveEachCallerItsOwnOutcome() throws Exception {
        // given a batch that holds its first run until fifteen other callers have handed in their orders
        BatchCombiner<Integer, Integer> combiner = new BatchCombiner<>(100);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch othersWaiting = new CountDownLatch(1);
        Function<List<Integer>, List<Integer>> doubling = orders -> {
            if (batchSizes.isEmpty()) {
                await(othersWaiting);
            }
            batchSizes.add(orders.size());
            return orders.stream().map(o -> o * 2).toList();
        };

        // when sixteen callers hand in one order each
        Future<Integer> first = callers.submit(() -> combiner.submit(0, doubling));
        List<Future<Integer>> outcomes = handInAndWait(combiner, IntStream.range(1, 16).boxed().toList(), doubling);
        othersWaiting.countDown();

        // then the first ran alone, the fifteen others in one batch, and each got the double of its own order
        assertThat(first.get()).isZero();
        for (int i = 1; i < 16; i++) {
            assertThat(outcomes.get(i - 1).get()).isEqualTo(2 * i);
        }
        assertThat(batchSizes).containsExactly(1, 15);
    }

    @Test
    void shouldRunAFailedBatchAgainOrderByOrderSoThatOnlyTheFailingOrderFails() throws Exception {
        // given a batch that fails whenever it holds the order 13
        BatchCombiner<Integer, Integer> combiner = new BatchCombiner<>(100);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        Function<List<Integer>, List<Integer>> failingOn13 = orders -> {
            if (batchSizes.isEmpty()) {
                batchSizes.add(orders.size());
                await(othersWaiting);
                return orders;
            }
            batchSizes.add(orders.size());
            if (orders.contains(13)) {
                throw new IllegalArgumentException("13 refused");
            }
            return orders;
        };
        Future<Integer> first = callers.submit(() -> combiner.submit(0, failingOn13));
        while (batchSizes.isEmpty()) {
            Thread.onSpinWait();
        }

        // when three more callers hand in 12, 13 and 14 while the first batch runs
        List<Future<Integer>> outcomes = handInAndWait(combiner, List.of(12, 13, 14), failingOn13);
        othersWaiting.countDown();

        // then 12 and 14 get their outcome, 13 its own failure
        assertThat(first.get()).isZero();
        assertThat(outcomes.get(0).get()).isEqualTo(12);
        assertThatThrownBy(() -> outcomes.get(1).get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class).hasMessageContaining("13 refused");
        assertThat(outcomes.get(2).get()).isEqualTo(14);
        assertThat(batchSizes).containsExactly(1, 3, 1, 1, 1);
    }

    @Test
    void shouldNeverPutMoreOrdersInABatchThanItsLargest() {
        // given a combiner of batches of at most one order
        BatchCombiner<Integer, Integer> combiner = new BatchCombiner<>(1);

        // when one order is handed in, then it runs alone
        assertThat(combiner.submit(7, orders -> {
            assertThat(orders).hasSize(1);
            return orders;
        })).isEqualTo(7);
    }

    @Test
    @Timeout(30) // without the release, the other caller would wait for ever
    void shouldReleaseTheWaitingCallersWhenABatchEndsInAnError() throws Exception {
        // given a batch that holds its first run until another caller waits, then fails with an Error
        BatchCombiner<Integer, Integer> combiner = new BatchCombiner<>(100);
        CountDownLatch otherWaiting = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        Function<List<Integer>, List<Integer>> failing = orders -> {
            batchSizes.add(orders.size());
            if (batchSizes.size() == 1) {
                await(otherWaiting);
                return orders;
            }
            throw new AssertionError("out of memory, say");
        };
        Future<Integer> first = callers.submit(() -> combiner.submit(1, failing));
        while (batchSizes.isEmpty()) {
            Thread.onSpinWait();
        }

        // when two more callers hand in their orders while the first batch runs, and their batch ends in an Error
        List<Future<Integer>> outcomes = handInAndWait(combiner, List.of(2, 3), failing);
        otherWaiting.countDown();

        // then the one that ran the batch gets the Error, the other is told its order has no outcome
        assertThat(first.get()).isEqualTo(1);
        List<Throwable> causes = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            assertThatThrownBy(outcome::get).isInstanceOf(ExecutionException.class)
                    .satisfies(e -> causes.add(e.getCause()));
        }
        assertThat(causes).hasAtLeastOneElementOfType(AssertionError.class)
                .hasAtLeastOneElementOfType(IllegalStateException.class);
    }

    /** Until {@code count} callers have handed in their orders and wait for their outcome. */
    /** Each order handed in by a caller of its own; returns once every one of them waits for its outcome. */
    private List<Future<Integer>> handInAndWait(BatchCombiner<Integer, Integer> combiner, List<Integer> orders,
                                                Function<List<Integer>, List<Integer>> batch) {
        List<Thread> waiting = Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int order : orders) {
            outcomes.add(callers.submit(() -> {
                waiting.add(Thread.currentThread());
                return combiner.submit(order, batch);
            }));
        }
        awaitWaiting(waiting, orders.size());
        return outcomes;
    }

    private static void awaitWaiting(List<Thread> callers, int count) {
        while (callers.size() < count || callers.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
