package org.cofinance.domain.model.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.shared.Money;

/** Where commitments, their disbursements and their recoveries are kept. */
public interface CommitmentRepository {

    Optional<Commitment> find(Long id);

    /** The commitment, locked (after its envelopes, in the ledger's lock order). */
    void lock(Commitment commitment);

    /** Every commitment of the request, with its envelope, in the order they were made. */
    default List<Commitment> ofRequest(Long requestId) {
        return ofRequests(List.of(requestId));
    }

    /** Every commitment of the requests, with its envelope, in the order they were made: one query for a page. */
    List<Commitment> ofRequests(Collection<Long> requestIds);

    /** The request's commitments that are still reservations. */
    List<Commitment> reservedOf(Long requestId);

    /** The request's posted commitments (committed or partly disbursed). */
    List<Commitment> postedOf(Long requestId);

    /** The plan lines of the request that are reserved now. */
    List<Long> reservedPlanLineIds(Long requestId);

    /** Keeps a new commitment, which gets its id. */
    void add(Commitment commitment);

    Optional<Disbursement> findDisbursement(Long id);

    void lock(Disbursement disbursement);

    List<Disbursement> disbursementsOf(Commitment commitment);

    /** What the commitment's disbursements awaiting validation add up to. */
    Money pendingOf(Commitment commitment);

    /**
     * Every payment an officer asked outside the schedule awaiting validation, oldest first, at most {@code limit}
     * (a tranche's payments are validated from each funder's task).
     */
    List<Disbursement> awaitingValidation(int limit);

    /** The payments of a tranche, each funder's share of it, in the order they were asked. */
    List<Disbursement> ofTranche(Long trancheId);

    /** The funders' shares of the request's tranches that were paid, in the order they were paid. */
    default List<Disbursement> paidSharesOfRequest(Long requestId) {
        return paidSharesOfRequests(List.of(requestId));
    }

    /** The paid shares of the requests' tranches, with their commitments, in the order they were paid. */
    List<Disbursement> paidSharesOfRequests(Collection<Long> requestIds);

    /** The payments officers asked in advance of a tranche, in the order they were asked. */
    List<Disbursement> advancesOn(Long trancheId);

    void add(Disbursement disbursement);

    Optional<Recovery> findRecovery(Long id);

    void lock(Recovery recovery);

    /** The commitment's recoveries, in the order they were issued. */
    List<Recovery> recoveriesOf(Commitment commitment);

    /** The recoveries of the requests' commitments, in the order they were issued: one query for a page of requests. */
    List<Recovery> recoveriesOfRequests(Collection<Long> requestIds);

    /** What the commitment's recoveries issued and not yet received add up to. */
    Money outstandingRecoveriesOf(Commitment commitment);

    void add(Recovery recovery);
}
