package org.cofinance.application.ledger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.user.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Proves that every envelope's running balances equal what its ledger entries (and its sub-envelopes') add up to:
 * reserved = RESERVE − POST − VOID, committed = POST − RELEASE, disbursed = DISBURSE − RECOVER, and that its
 * ceiling is its last AMEND. Any difference is a bug to investigate, never to be patched in place.
 */
@Stateless
public class LedgerReconciliation {

    private final BalancesFromEntries balances;
    private final EnvelopeRepository envelopes;
    private final Callers callers;

    @Inject
    public LedgerReconciliation(BalancesFromEntries balances, EnvelopeRepository envelopes, Callers callers) {
        this.balances = balances;
        this.envelopes = envelopes;
        this.callers = callers;
    }

    /** For the container's proxies only. */
    protected LedgerReconciliation() {
        this(null, null, null);
    }

    public record EnvelopeCheck(String code, @Schema(ref = "Money") String ceiling,
                                @Schema(ref = "Money") String ceilingFromEntries,
                                @Schema(ref = "Money") String reserved,
                                @Schema(ref = "Money") String reservedFromEntries,
                                @Schema(ref = "Money") String committed,
                                @Schema(ref = "Money") String committedFromEntries,
                                @Schema(ref = "Money") String disbursed,
                                @Schema(ref = "Money") String disbursedFromEntries, boolean consistent) {
    }

    public record Result(boolean consistent, List<EnvelopeCheck> envelopes) {
    }

    /** The check of every envelope for an administrator, of its organisation's envelopes for a finance team. */
    public Result check() {
        Caller caller = callers.current().require(Role.FINANCE, Role.ADMIN);
        Result all = run();
        if (caller.seesAllOrganisations()) {
            return all;
        }
        Set<String> own = caller.organisationId() == null ? Set.of()
                : envelopes.list(caller.organisationId(), 0, Integer.MAX_VALUE).stream().map(Envelope::code)
                .collect(Collectors.toSet());
        List<EnvelopeCheck> checks = all.envelopes().stream().filter(c -> own.contains(c.code())).toList();
        return new Result(checks.stream().allMatch(EnvelopeCheck::consistent), checks);
    }

    /** The check itself, for callers that already hold the right (tests, scheduled checks). */
    public Result run() {
        List<EnvelopeCheck> checks = balances.compare().stream().map(r -> {
            boolean consistent = same(r.ceiling(), r.ceilingFromEntries()) && same(r.reserved(),
                    r.reservedFromEntries())
                    && same(r.committed(), r.committedFromEntries()) && same(r.disbursed(), r.disbursedFromEntries());
            return new EnvelopeCheck(r.code(), plain(r.ceiling()), plain(r.ceilingFromEntries()), plain(r.reserved()),
                    plain(r.reservedFromEntries()), plain(r.committed()), plain(r.committedFromEntries()),
                    plain(r.disbursed()), plain(r.disbursedFromEntries()), consistent);
        }).toList();
        return new Result(checks.stream().allMatch(EnvelopeCheck::consistent), checks);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.setScale(2).toPlainString();
    }
}
