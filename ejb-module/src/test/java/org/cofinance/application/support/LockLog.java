package org.cofinance.application.support;

import java.util.ArrayList;
import java.util.List;

/** The locks the services took, in order ("request 7", "envelope 10"), as the database would see them asked. */
public final class LockLog {

    private final List<String> locks = new ArrayList<>();

    void took(String lock) {
        locks.add(lock);
    }

    public List<String> locks() {
        return List.copyOf(locks);
    }

    public void forget() {
        locks.clear();
    }
}
