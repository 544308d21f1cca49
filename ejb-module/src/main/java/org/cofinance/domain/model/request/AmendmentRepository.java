package org.cofinance.domain.model.request;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where amendments are kept. */
public interface AmendmentRepository {

    /** Keeps a new amendment with its changes; it gets its id. */
    void add(Amendment amendment);

    Optional<Amendment> find(Long id);

    /** The amendment, its row locked: its decisions are taken one at a time, on every node. */
    Optional<Amendment> lock(Long id);

    /** The request's amendments, oldest first. */
    default List<Amendment> ofRequest(Long requestId) {
        return ofRequests(List.of(requestId));
    }

    /** The requests' amendments, oldest first: one query for a page of requests. */
    List<Amendment> ofRequests(Collection<Long> requestIds);

    /** The request's amendment awaiting its funders, if any. */
    Optional<Amendment> pendingOf(Long requestId);

    /** Writes what changed now, so that the database's rules (one person a level) answer within the call. */
    void flush();
}
