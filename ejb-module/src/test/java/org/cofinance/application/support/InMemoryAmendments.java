package org.cofinance.application.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.AmendmentChange;
import org.cofinance.domain.model.request.AmendmentRepository;

/** Amendments kept in memory; their changes get ids as the database would give them. */
public final class InMemoryAmendments implements AmendmentRepository {

    private final List<Amendment> amendments = new ArrayList<>();
    private final LockLog locks;

    public InMemoryAmendments(LockLog locks) {
        this.locks = locks;
    }

    @Override
    public void add(Amendment amendment) {
        Ids.assign(amendment);
        for (AmendmentChange change : amendment.changes()) {
            Ids.assign(change);
        }
        amendments.add(amendment);
    }

    @Override
    public Optional<Amendment> find(Long id) {
        return amendments.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Amendment> lock(Long id) {
        locks.took("amendment " + id);
        return find(id);
    }

    @Override
    public List<Amendment> ofRequests(Collection<Long> requestIds) {
        return amendments.stream().filter(a -> requestIds.contains(a.request().id())).toList();
    }

    @Override
    public Optional<Amendment> pendingOf(Long requestId) {
        return ofRequest(requestId).stream().filter(a -> a.status() == Amendment.Status.PENDING).findFirst();
    }

    @Override
    public void flush() {
        // nothing is deferred in memory
    }
}
