package org.cofinance.application.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Gathers the orders that callers hand in at the same moment into one batch, run by one of them on behalf of all
 * (flat combining): while a batch runs, the orders that arrive wait for it to end, then go together in the next one.
 * A batch that fails is run again one order at a time, so that one order's failure reaches its own caller only.
 * Holds nothing between batches: the orders in flight are the only state, and only while their callers wait.
 *
 * @param <O> an order
 * @param <R> its outcome
 */
public final class BatchCombiner<O, R> {

    private final int largestBatch;
    private final Queue<Slot<O, R>> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock running = new ReentrantLock();
    private final Object turn = new Object();

    public BatchCombiner(int largestBatch) {
        if (largestBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one order");
        }
        this.largestBatch = largestBatch;
    }

    /**
     * Hands in one order and waits for its outcome.
     *
     * @param batch runs a batch of orders and gives their outcomes in the same order
     * @throws RuntimeException what the order's own run threw
     */
    public R submit(O order, Function<List<O>, List<R>> batch) {
        Slot<O, R> slot = new Slot<>(order);
        pending.add(slot);
        while (!slot.done) {
            if (running.tryLock()) {
                try {
                    if (!slot.done) {
                        runNext(batch);
                    }
                } finally {
                    running.unlock();
                    synchronized (turn) {
                        turn.notifyAll();
                    }
                }
            } else {
                awaitTurn(slot);
            }
        }
        if (slot.failure != null) {
            throw slot.failure;
        }
        return slot.outcome;
    }

    private void awaitTurn(Slot<O, R> slot) {
        synchronized (turn) {
            while (!slot.done && running.isLocked()) {
                try {
                    turn.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while its order was in a batch; the order may still "
                            + "have been carried out", e);
                }
            }
        }
    }

    private void runNext(Function<List<O>, List<R>> batch) {
        List<Slot<O, R>> slots = new ArrayList<>();
        for (Slot<O, R> slot = pending.poll(); slot != null; slot = slots.size() < largestBatch ? pending.poll()
                : null) {
            slots.add(slot);
        }
        if (slots.isEmpty()) {
            return;
        }
        try {
            List<R> outcomes = batch.apply(slots.stream().map(s -> s.order).toList());
            for (int i = 0; i < slots.size(); i++) {
                slots.get(i).complete(outcomes.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (slots.size() == 1) {
                slots.get(0).fail(batchFailed);
                return;
            }
            for (Slot<O, R> slot : slots) {
                runAlone(slot, batch);
            }
        } finally {
            // an Error ends the batch without outcomes: its callers must not wait for them
            slots.stream().filter(slot -> !slot.done).forEach(slot -> slot.fail(
                    new IllegalStateException("the batch holding this order ended without an outcome for it")));
        }
    }

    private void runAlone(Slot<O, R> slot, Function<List<O>, List<R>> batch) {
        try {
            slot.complete(batch.apply(List.of(slot.order)).get(0));
        } catch (RuntimeException failed) {
            slot.fail(failed);
        }
    }

    private static final class Slot<O, R> {
        final O order;
        R outcome;
        RuntimeException failure;
        volatile boolean done;

        Slot(O order) {
            this.order = order;
        }

        void complete(R outcome) {
            this.outcome = outcome;
            this.done = true;
        }

        void fail(RuntimeException failure) {
            this.failure = failure;
            this.done = true;
        }
    }
}
