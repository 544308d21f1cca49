package org.cofinance.application.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.ledger.DailyMovements;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.DisbursementStatus;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.PaymentCredit;
import org.cofinance.domain.model.ledger.PaymentCreditRepository;
import org.cofinance.domain.model.ledger.Recovery;
import org.cofinance.domain.model.shared.Money;

/**
 * The ledger kept in memory: envelopes, commitments, disbursements and entries, each repository a view of it. Locks
 * are written to the {@link LockLog}; an entry's idempotency key is unique, as the database's index makes it.
 */
public final class InMemoryLedger {

    private final Map<Long, Envelope> envelopes = new LinkedHashMap<>();
    private final Map<Long, Commitment> commitments = new LinkedHashMap<>();
    private final Map<Long, Disbursement> disbursements = new LinkedHashMap<>();
    private final Map<Long, Recovery> recoveries = new LinkedHashMap<>();
    private final List<PaymentCredit> credits = new ArrayList<>();
    private final List<LedgerEntry> entries = new ArrayList<>();
    private final LockLog locks;

    public InMemoryLedger(LockLog locks) {
        this.locks = locks;
    }

    /** Keeps an envelope made by the test, with its parents. */
    public Envelope keep(Envelope envelope) {
        envelopes.put(envelope.id(), envelope);
        return envelope;
    }

    public List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public List<Commitment> commitments() {
        return List.copyOf(commitments.values());
    }

    public final EnvelopeRepository envelopeRepository = new EnvelopeRepository() {
        @Override
        public Optional<Envelope> find(Long id) {
            return Optional.ofNullable(envelopes.get(id));
        }

        @Override
        public Optional<Envelope> findByCode(String code) {
            return envelopes.values().stream().filter(e -> e.code().equals(code)).findFirst();
        }

        @Override
        public List<Envelope> list(Long ownerId, int offset, int limit) {
            return envelopes.values().stream().filter(e -> ownerId == null || e.isOwnedBy(ownerId)).skip(offset)
                    .limit(limit).toList();
        }

        @Override
        public long count(Long ownerId) {
            return envelopes.values().stream().filter(e -> ownerId == null || e.isOwnedBy(ownerId)).count();
        }

        @Override
        public List<Envelope> childrenOf(Long id) {
            return envelopes.values().stream().filter(e -> e.parent().map(p -> p.id().equals(id)).orElse(false))
                    .toList();
        }

        @Override
        public Money largestChildCeiling(Long id) {
            return childrenOf(id).stream().map(Envelope::ceiling).reduce(Money.ZERO, (a,
                    b) -> a.isGreaterThan(b) ? a : b);
        }

        @Override
        public void lockChains(Collection<Envelope> toLock) {
            Map<Long, Envelope> byId = new TreeMap<>();
            toLock.forEach(envelope -> envelope.chain().forEach(e -> byId.put(e.id(), e)));
            byId.keySet().forEach(id -> locks.took("envelope " + id));
        }

        @Override
        public void add(Envelope envelope) {
            keep(Ids.assign(envelope));
        }

        @Override
        public List<DailyMovements> dailyMovements(Long id) {
            throw new UnsupportedOperationException("a database query: tested by the ITs");
        }
    };

    public final CommitmentRepository commitmentRepository = new CommitmentRepository() {
        @Override
        public Optional<Commitment> find(Long id) {
            return Optional.ofNullable(commitments.get(id));
        }

        @Override
        public void lock(Commitment commitment) {
            locks.took("commitment " + commitment.id());
        }

        @Override
        public List<Commitment> ofRequests(Collection<Long> requestIds) {
            return commitments.values().stream().filter(c -> requestIds.contains(c.requestId())).toList();
        }

        @Override
        public List<Commitment> reservedOf(Long requestId) {
            return ofRequest(requestId).stream().filter(c -> c.status() == CommitmentStatus.RESERVED).toList();
        }

        @Override
        public List<Commitment> postedOf(Long requestId) {
            return ofRequest(requestId).stream().filter(c -> c.status() == CommitmentStatus.COMMITTED
                    || c.status() == CommitmentStatus.DISBURSED).toList();
        }

        @Override
        public List<Long> reservedPlanLineIds(Long requestId) {
            return reservedOf(requestId).stream().map(Commitment::planLineId).toList();
        }

        @Override
        public void add(Commitment commitment) {
            Ids.assign(commitment);
            commitments.put(commitment.id(), commitment);
        }

        @Override
        public Optional<Disbursement> findDisbursement(Long id) {
            return Optional.ofNullable(disbursements.get(id));
        }

        @Override
        public void lock(Disbursement disbursement) {
            locks.took("disbursement " + disbursement.id());
        }

        @Override
        public List<Disbursement> disbursementsOf(Commitment commitment) {
            return disbursements.values().stream().filter(d -> d.commitment() == commitment).toList();
        }

        @Override
        public Money pendingOf(Commitment commitment) {
            return disbursementsOf(commitment).stream().filter(d -> d.status() == DisbursementStatus.REQUESTED)
                    .map(Disbursement::amount).reduce(Money.ZERO, Money::plus);
        }

        @Override
        public List<Disbursement> awaitingValidation(int limit) {
            return disbursements.values().stream().filter(d -> d.status() == DisbursementStatus.REQUESTED
                    && !d.isTrancheShare()).limit(limit).toList();
        }

        @Override
        public List<Disbursement> ofTranche(Long trancheId) {
            return onTranche(trancheId, true);
        }

        @Override
        public List<Disbursement> paidSharesOfRequests(Collection<Long> requestIds) {
            return disbursements.values().stream().filter(d -> d.isTrancheShare()
                    && d.status() == DisbursementStatus.PAID && requestIds.contains(d.commitment().requestId()))
                    .sorted(java.util.Comparator.comparing(Disbursement::id)).toList();
        }

        @Override
        public List<Disbursement> advancesOn(Long trancheId) {
            return onTranche(trancheId, false);
        }

        private List<Disbursement> onTranche(Long trancheId, boolean shares) {
            return disbursements.values().stream().filter(d -> trancheId.equals(d.trancheId())
                    && d.isTrancheShare() == shares).sorted(java.util.Comparator.comparing(Disbursement::id)).toList();
        }

        @Override
        public void add(Disbursement disbursement) {
            Ids.assign(disbursement);
            disbursements.put(disbursement.id(), disbursement);
        }

        @Override
        public Optional<Recovery> findRecovery(Long id) {
            return Optional.ofNullable(recoveries.get(id));
        }

        @Override
        public void lock(Recovery recovery) {
            locks.took("recovery " + recovery.id());
        }

        @Override
        public List<Recovery> recoveriesOf(Commitment commitment) {
            return recoveries.values().stream().filter(r -> r.commitment() == commitment).toList();
        }

        @Override
        public List<Recovery> recoveriesOfRequests(Collection<Long> requestIds) {
            return recoveries.values().stream().filter(r -> requestIds.contains(r.commitment().requestId())).toList();
        }

        @Override
        public Money outstandingRecoveriesOf(Commitment commitment) {
            return recoveriesOf(commitment).stream().filter(r -> r.status() == Recovery.Status.ISSUED)
                    .map(Recovery::amount).reduce(Money.ZERO, Money::plus);
        }

        @Override
        public void add(Recovery recovery) {
            Ids.assign(recovery);
            recoveries.put(recovery.id(), recovery);
        }
    };

    /** Payment credits, and what the DISBURSE entries paid in a year (UTC here, Paris time in the database). */
    public final PaymentCreditRepository creditRepository = new PaymentCreditRepository() {
        @Override
        public void add(PaymentCredit credit) {
            credits.add(Ids.assign(credit));
        }

        @Override
        public Optional<PaymentCredit> current(Long envelopeId, int year) {
            return credits.stream().filter(c -> c.envelopeId().equals(envelopeId) && c.year() == year)
                    .reduce((first, second) -> second);
        }

        @Override
        public List<PaymentCredit> currentOf(Long envelopeId) {
            return credits.stream().filter(c -> c.envelopeId().equals(envelopeId)).map(PaymentCredit::year)
                    .distinct().sorted().map(y -> current(envelopeId, y).orElseThrow()).toList();
        }

        @Override
        public Money paidIn(Long envelopeId, int year) {
            return entries.stream().filter(e -> e.kind() == EntryKind.DISBURSE
                            && PaymentCredit.yearOf(e.at()) == year
                            && envelopes.get(e.envelopeId()).chain().stream().anyMatch(c -> c.id().equals(envelopeId)))
                    .map(LedgerEntry::amount).reduce(Money.ZERO, Money::plus);
        }
    };

    public final LedgerEntryRepository entryRepository = new LedgerEntryRepository() {
        @Override
        public List<LedgerEntry> findByKeys(Collection<String> idempotencyKeys) {
            return entries.stream().filter(e -> idempotencyKeys.contains(e.idempotencyKey())).toList();
        }

        @Override
        public List<LedgerEntry> ofEnvelope(Long envelopeId, int offset, int limit) {
            return entries.stream().filter(e -> e.envelopeId().equals(envelopeId)).skip(offset).limit(limit).toList();
        }

        @Override
        public long countOfEnvelope(Long envelopeId) {
            return entries.stream().filter(e -> e.envelopeId().equals(envelopeId)).count();
        }

        @Override
        public List<LedgerEntry> ofRequest(Long requestId) {
            return entries.stream().filter(e -> requestId.equals(e.requestId())).toList();
        }

        @Override
        public void record(LedgerEntry entry) {
            if (findByKey(entry.idempotencyKey()).isPresent()) {
                throw new IllegalStateException("duplicate idempotency key " + entry.idempotencyKey());
            }
            entries.add(Ids.assign(entry));
        }
    };
}
