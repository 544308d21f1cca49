package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.ledger.PaymentCredit;
import org.cofinance.domain.model.ledger.PaymentCreditRepository;
import org.cofinance.domain.model.shared.Money;

/** Payment credits in PostgreSQL: an append-only table (a trigger refuses updates and deletes). */
@ApplicationScoped
public class JpaPaymentCreditRepository implements PaymentCreditRepository {

    private static final String PAID_IN_YEAR = """
            with recursive subtree (id) as (
                select cast(?1 as bigint)
                union all
                select e.id from subtree s join envelope e on e.parent_id = s.id
            )
            select coalesce(sum(l.amount), 0)
            from ledger_entry l
            where l.kind = 'DISBURSE' and l.envelope_id in (select id from subtree)
              and l.at >= ?2 and l.at < ?3
            """;

    @PersistenceContext
    private EntityManager em;

    public JpaPaymentCreditRepository() {
    }

    /** On an entity manager of its own (the benchmarks), outside the container. */
    public JpaPaymentCreditRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void add(PaymentCredit credit) {
        em.persist(credit);
    }

    @Override
    public Optional<PaymentCredit> current(Long envelopeId, int year) {
        return em.createQuery("select p from PaymentCredit p where p.envelopeId = :e and p.year = :y "
                        + "order by p.id desc", PaymentCredit.class).setParameter("e", envelopeId)
                .setParameter("y", year).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<PaymentCredit> currentOf(Long envelopeId) {
        return em.createQuery("select p from PaymentCredit p where p.envelopeId = :e and p.id = "
                        + "(select max(q.id) from PaymentCredit q where q.envelopeId = p.envelopeId "
                        + "and q.year = p.year) order by p.year", PaymentCredit.class)
                .setParameter("e", envelopeId).getResultList();
    }

    private static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(PaymentCredit.ZONE).toInstant();
    }

    /** The entries of this transaction are flushed first, so that two payments in it count one another. */
    @Override
    public Money paidIn(Long envelopeId, int year) {
        em.flush();
        Object sum = em.createNativeQuery(PAID_IN_YEAR).setParameter(1, envelopeId)
                .setParameter(2, Timestamp.from(startOf(year))).setParameter(3, Timestamp.from(startOf(year + 1)))
                .getSingleResult();
        return Money.of((BigDecimal) sum);
    }
}
