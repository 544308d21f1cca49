package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.DisbursementStatus;
import org.cofinance.domain.model.ledger.Recovery;
import org.cofinance.domain.model.shared.Money;

/** Commitments and disbursements in PostgreSQL through JPA. */
@ApplicationScoped
public class JpaCommitmentRepository implements CommitmentRepository {

    @PersistenceContext
    private EntityManager em;

    public JpaCommitmentRepository() {
    }

    /** On an entity manager of its own (the benchmarks), outside the container. */
    public JpaCommitmentRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Commitment> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Commitment.class, id));
    }

    @Override
    public void lock(Commitment commitment) {
        em.refresh(commitment, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<Commitment> ofRequests(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Commitment c join fetch c.envelope where c.requestId in :r order by c.id",
                Commitment.class).setParameter("r", requestIds).getResultList();
    }

    @Override
    public List<Commitment> reservedOf(Long requestId) {
        return ofRequestIn(requestId, List.of(CommitmentStatus.RESERVED));
    }

    @Override
    public List<Commitment> postedOf(Long requestId) {
        return ofRequestIn(requestId, List.of(CommitmentStatus.COMMITTED, CommitmentStatus.DISBURSED));
    }

    private List<Commitment> ofRequestIn(Long requestId, List<CommitmentStatus> statuses) {
        return em.createQuery("select c from Commitment c where c.requestId = :r and c.status in :s order by c.id",
                        Commitment.class)
                .setParameter("r", requestId).setParameter("s", statuses).getResultList();
    }

    @Override
    public List<Long> reservedPlanLineIds(Long requestId) {
        return em.createQuery("select c.planLineId from Commitment c where c.requestId = :r and c.status = :s",
                        Long.class)
                .setParameter("r", requestId).setParameter("s", CommitmentStatus.RESERVED).getResultList();
    }

    @Override
    public void add(Commitment commitment) {
        em.persist(commitment);
    }

    @Override
    public Optional<Disbursement> findDisbursement(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Disbursement.class, id));
    }

    @Override
    public void lock(Disbursement disbursement) {
        em.refresh(disbursement, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<Disbursement> disbursementsOf(Commitment commitment) {
        return em.createQuery("select d from Disbursement d where d.commitment = :c order by d.id",
                Disbursement.class).setParameter("c", commitment).getResultList();
    }

    @Override
    public Money pendingOf(Commitment commitment) {
        return em.createQuery("select coalesce(sum(d.amount), 0) from Disbursement d "
                        + "where d.commitment = :c and d.status = :s", BigDecimal.class)
                .setParameter("c", commitment).setParameter("s", DisbursementStatus.REQUESTED)
                .getResultStream().findFirst().map(Money::of).orElse(Money.ZERO);
    }

    @Override
    public List<Disbursement> awaitingValidation(int limit) {
        return em.createQuery("select d from Disbursement d join fetch d.commitment "
                        + "where d.status = :s and d.trancheShare = false order by d.requestedAt, d.id",
                        Disbursement.class)
                .setParameter("s", DisbursementStatus.REQUESTED).setMaxResults(limit).getResultList();
    }

    @Override
    public List<Disbursement> ofTranche(Long trancheId) {
        return onTranche(trancheId, true);
    }

    @Override
    public List<Disbursement> paidSharesOfRequests(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select d from Disbursement d join fetch d.commitment "
                        + "where d.commitment.requestId in :requests and d.trancheShare = true and d.status = :paid "
                        + "order by d.decidedAt, d.id", Disbursement.class)
                .setParameter("requests", requestIds).setParameter("paid", DisbursementStatus.PAID).getResultList();
    }

    @Override
    public List<Disbursement> advancesOn(Long trancheId) {
        return onTranche(trancheId, false);
    }

    /** The funders' shares of a tranche, or the advances officers asked on it, in the order they were asked. */
    private List<Disbursement> onTranche(Long trancheId, boolean shares) {
        return em.createQuery("select d from Disbursement d join fetch d.commitment where d.trancheId = :tranche "
                        + "and d.trancheShare = :shares order by d.id", Disbursement.class)
                .setParameter("tranche", trancheId).setParameter("shares", shares).getResultList();
    }

    @Override
    public void add(Disbursement disbursement) {
        em.persist(disbursement);
    }

    @Override
    public Optional<Recovery> findRecovery(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Recovery.class, id));
    }

    @Override
    public void lock(Recovery recovery) {
        em.refresh(recovery, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<Recovery> recoveriesOf(Commitment commitment) {
        return em.createQuery("select r from Recovery r where r.commitment = :c order by r.id", Recovery.class)
                .setParameter("c", commitment).getResultList();
    }

    @Override
    public List<Recovery> recoveriesOfRequests(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select r from Recovery r join fetch r.commitment where r.commitment.requestId in :r "
                + "order by r.id", Recovery.class).setParameter("r", requestIds).getResultList();
    }

    @Override
    public Money outstandingRecoveriesOf(Commitment commitment) {
        return em.createQuery("select coalesce(sum(r.amount), 0) from Recovery r "
                        + "where r.commitment = :c and r.status = :s", BigDecimal.class)
                .setParameter("c", commitment).setParameter("s", Recovery.Status.ISSUED)
                .getResultStream().findFirst().map(Money::of).orElse(Money.ZERO);
    }

    @Override
    public void add(Recovery recovery) {
        em.persist(recovery);
    }
}
