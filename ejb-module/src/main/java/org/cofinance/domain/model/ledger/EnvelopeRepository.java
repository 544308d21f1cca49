package org.cofinance.domain.model.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.shared.Money;

/** Where envelopes are kept, and how their rows are locked before their balances are read. */
public interface EnvelopeRepository {

    Optional<Envelope> find(Long id);

    Optional<Envelope> findByCode(String code);

    /** The envelopes, by code; those of one owner when {@code ownerId} is not null. */
    List<Envelope> list(Long ownerId, int offset, int limit);

    long count(Long ownerId);

    List<Envelope> childrenOf(Long id);

    /** The largest ceiling of the envelope's sub-envelopes, zero when it has none. */
    Money largestChildCeiling(Long id);

    /**
     * Locks the envelopes and all their parents, in id order (so that two callers never wait on each other), and
     * reads their balances as the database holds them.
     */
    void lockChains(Collection<Envelope> envelopes);

    /** Keeps a new envelope, which gets its id. */
    void add(Envelope envelope);

    /** What the ledger moved on the envelope and its sub-envelopes, day by day (Paris time), oldest first. */
    List<DailyMovements> dailyMovements(Long id);
}
