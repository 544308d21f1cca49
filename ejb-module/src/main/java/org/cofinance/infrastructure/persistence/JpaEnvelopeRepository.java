package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cofinance.domain.model.ledger.DailyMovements;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.shared.Money;

/**
 * Envelopes in PostgreSQL through JPA. Locks are row locks ({@code SELECT ... FOR UPDATE}) taken in id order, parents
 * included, so that callers on any node serialise on the rows and never deadlock.
 */
@ApplicationScoped
public class JpaEnvelopeRepository implements EnvelopeRepository {

    private static final String DAILY_MOVEMENTS = """
            with recursive subtree (id) as (
                select cast(?1 as bigint)
                union all
                select e.id from subtree s join envelope e on e.parent_id = s.id
            )
            select cast(l.at at time zone 'Europe/Paris' as date) as day,
                   sum(case l.kind when 'RESERVE' then l.amount when 'POST' then -l.amount
                                   when 'VOID' then -l.amount else 0 end),
                   sum(case l.kind when 'POST' then l.amount when 'RELEASE' then -l.amount else 0 end),
                   sum(case l.kind when 'DISBURSE' then l.amount when 'RECOVER' then -l.amount else 0 end),
                   (array_agg(l.amount order by l.id desc) filter (where l.kind = 'AMEND' and l.envelope_id = ?1))[1]
            from ledger_entry l
            where l.envelope_id in (select id from subtree)
            group by 1 order by 1
            """;

    @PersistenceContext
    private EntityManager em;

    public JpaEnvelopeRepository() {
    }

    /** On an entity manager of its own (the benchmarks), outside the container. */
    public JpaEnvelopeRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Envelope> find(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Envelope.class, id));
    }

    @Override
    public Optional<Envelope> findByCode(String code) {
        return em.createQuery("select e from Envelope e where e.code = :c", Envelope.class).setParameter("c", code)
                .getResultStream().findFirst();
    }

    @Override
    public List<Envelope> list(Long ownerId, int offset, int limit) {
        TypedQuery<Envelope> query = em.createQuery("select e from Envelope e join fetch e.owner"
                + (ownerId == null ? "" : " where e.owner.id = :org") + " order by e.code", Envelope.class);
        if (ownerId != null) {
            query.setParameter("org", ownerId);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(Long ownerId) {
        TypedQuery<Long> query = em.createQuery("select count(e) from Envelope e"
                + (ownerId == null ? "" : " where e.owner.id = :org"), Long.class);
        if (ownerId != null) {
            query.setParameter("org", ownerId);
        }
        return query.getSingleResult();
    }

    @Override
    public List<Envelope> childrenOf(Long id) {
        return em.createQuery("select e from Envelope e where e.parent.id = :id order by e.code", Envelope.class)
                .setParameter("id", id).getResultList();
    }

    @Override
    public Money largestChildCeiling(Long id) {
        Money largest = em.createQuery("select max(e.ceiling) from Envelope e where e.parent.id = :id", Money.class)
                .setParameter("id", id).getSingleResult();
        return largest == null ? Money.ZERO : largest;
    }

    @Override
    public void lockChains(Collection<Envelope> envelopes) {
        Map<Long, Envelope> byId = new TreeMap<>();
        for (Envelope envelope : envelopes) {
            for (Envelope e : envelope.chain()) {
                byId.put(e.id(), e);
            }
        }
        for (Envelope e : new ArrayList<>(byId.values())) {
            em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    @Override
    public void add(Envelope envelope) {
        em.persist(envelope);
        em.flush();
    }

    @Override
    public List<DailyMovements> dailyMovements(Long id) {
        List<DailyMovements> days = new ArrayList<>();
        for (Object row : em.createNativeQuery(DAILY_MOVEMENTS).setParameter(1, id).getResultList()) {
            Object[] r = (Object[]) row;
            LocalDate day = r[0] instanceof Date date ? date.toLocalDate() : (LocalDate) r[0];
            days.add(new DailyMovements(day, (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                    (BigDecimal) r[4]));
        }
        return days;
    }
}
