package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import org.cofinance.application.ledger.BalancesFromEntries;

/** The envelopes' rows beside {@link LedgerQueries#BALANCES_FROM_ENTRIES}, over every entry written. */
@ApplicationScoped
public class SqlBalancesFromEntries implements BalancesFromEntries {

    private static final String DERIVED = LedgerQueries.BALANCES_FROM_ENTRIES + """
            select e.code, e.ceiling, c.ceiling, e.reserved, m.reserved, e.committed, m.committed,
                   e.disbursed, m.disbursed
            from envelope e join movements m on m.root_id = e.id left join ceilings c on c.envelope_id = e.id
            order by e.code
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Compared> compare() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(DERIVED).setParameter(1, LedgerQueries.END_OF_TIME)
                .getResultList();
        return rows.stream().map(r -> new Compared((String) r[0], (BigDecimal) r[1], (BigDecimal) r[2],
                (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6], (BigDecimal) r[7],
                (BigDecimal) r[8])).toList();
    }
}
