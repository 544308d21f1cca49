package org.cofinance.domain.model.request;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where funding requests, with their plans, decisions and tranches, are kept; and how they are locked. */
public interface FundingRequestRepository {

    Optional<FundingRequest> find(Long id);

    /** The request with its plan lines — their organisations and envelopes — read at once. */
    Optional<FundingRequest> findWithPlan(Long id);

    /**
     * These requests with their plans, read together to be shown (ids that match nothing are left out), by id: read
     * only, what is changed on the requests this reading loads is not stored, and the store keeps no copy of them to
     * compare with at the end of the transaction.
     */
    Map<Long, FundingRequest> readAllWithPlan(Collection<Long> ids);

    /**
     * The request's decisions as committed now, read afresh (oldest first): the answer the process's conditions
     * need when funders answer at the same instant, whatever the request's own list held when it was first read.
     */
    List<Decision> decisionsOf(Long requestId);

    /** The next reference of the year: {@code CF-2026-000042}. */
    String nextReference(int year);

    /** Keeps a new request, which gets its id. */
    void add(FundingRequest request);

    /** Writes what changed now, so that a refusal of the store surfaces in the caller's step. */
    void flush();

    /** The requests that match, newest first. */
    List<FundingRequest> search(RequestSearch search, int offset, int limit);

    long count(RequestSearch search);

    /**
     * Locks the request's row for a movement of its money: every movement of a request's reservations takes the
     * request before its envelopes.
     */
    void lock(Long requestId);

    /**
     * Share-locks the requests, in id order, and reads their status; a request not found (or not committed yet) is
     * missing from the answer.
     */
    Map<Long, RequestStatus> shareLockStatuses(Collection<Long> requestIds);

    Optional<Tranche> findTranche(Long trancheId);

    /** The tranche, locked for its validation or payment. */
    Optional<Tranche> lockTranche(Long trancheId);
}
