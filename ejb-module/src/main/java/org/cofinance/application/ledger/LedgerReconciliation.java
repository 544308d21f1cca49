package org.cofinance.application.ledger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import org.cofinance.application.access.Callers;
import org.cofinance.domain.model.user.Role;

/**
 * Proves that every envelope's running balances equal what its ledger entries (and its sub-envelopes') add up to:
 * reserved = RESERVE − POST − VOID, committed = POST − RELEASE, disbursed = DISBURSE, and that its ceiling is its
 * last AMEND. Any difference is a bug to investigate, never to be patched in place.
 */
@Stateless
public class LedgerReconciliation {

    private static final String DERIVED = LedgerQueries.BALANCES_FROM_ENTRIES + """
            select e.code, e.ceiling, c.ceiling, e.reserved, m.reserved, e.committed, m.committed,
                   e.disbursed, m.disbursed
            from envelope e join movements m on m.root_id = e.id left join ceilings c on c.envelope_id = e.id
            order by e.code
            """;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    public record EnvelopeCheck(String code, String ceiling, String ceilingFromEntries, String reserved,
                                String reservedFromEntries, String committed, String committedFromEntries,
                                String disbursed, String disbursedFromEntries, boolean consistent) {
    }

    public record Result(boolean consistent, List<EnvelopeCheck> envelopes) {
    }

    public Result check() {
        callers.current().require(Role.FINANCE, Role.ADMIN);
        return run();
    }

    /** The check itself, for callers that already hold the right (tests, scheduled checks). */
    public Result run() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(DERIVED).setParameter(1, LedgerQueries.END_OF_TIME)
                .getResultList();
        List<EnvelopeCheck> checks = rows.stream().map(r -> {
            boolean consistent = same(r[1], r[2]) && same(r[3], r[4]) && same(r[5], r[6]) && same(r[7], r[8]);
            return new EnvelopeCheck((String) r[0], plain(r[1]), plain(r[2]), plain(r[3]), plain(r[4]), plain(r[5]),
                    plain(r[6]), plain(r[7]), plain(r[8]), consistent);
        }).toList();
        return new Result(checks.stream().allMatch(EnvelopeCheck::consistent), checks);
    }

    private static boolean same(Object a, Object b) {
        return a != null && b != null && ((BigDecimal) a).compareTo((BigDecimal) b) == 0;
    }

    private static String plain(Object value) {
        return value == null ? null : ((BigDecimal) value).setScale(2).toPlainString();
    }
}
