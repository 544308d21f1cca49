package org.cofinance.application.support;

import java.util.concurrent.atomic.AtomicLong;
import org.cofinance.domain.model.TestIds;

/** Gives what an in-memory repository keeps the id the database would give it, from one sequence. */
final class Ids {

    private static final AtomicLong NEXT = new AtomicLong(1_000);

    private Ids() {
    }

    static <T> T assign(T entity) {
        return TestIds.withId(entity, NEXT.incrementAndGet());
    }
}
