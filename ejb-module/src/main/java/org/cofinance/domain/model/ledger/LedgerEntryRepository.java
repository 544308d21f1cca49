package org.cofinance.domain.model.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The ledger's entries: appended, never changed; found again by their idempotency key. */
public interface LedgerEntryRepository {

    /** The entries booked under any of these keys, in one read. */
    List<LedgerEntry> findByKeys(Collection<String> idempotencyKeys);

    default Optional<LedgerEntry> findByKey(String idempotencyKey) {
        return findByKeys(List.of(idempotencyKey)).stream().findFirst();
    }

    List<LedgerEntry> ofEnvelope(Long envelopeId, int offset, int limit);

    long countOfEnvelope(Long envelopeId);

    List<LedgerEntry> ofRequest(Long requestId);

    void record(LedgerEntry entry);

    default void record(List<LedgerEntry> entries) {
        entries.forEach(this::record);
    }
}
