package org.cofinance.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cofinance.application.access.Callers;
import org.cofinance.application.ledger.BalancesFromEntries.Compared;
import org.cofinance.application.ledger.LedgerReconciliation.EnvelopeCheck;
import org.cofinance.application.ledger.LedgerReconciliation.Result;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every envelope's running balances against what its entries add up to, figure by figure, to the cent. */
class LedgerReconciliationTest {

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final List<Compared> compared = new ArrayList<>();
    private final LedgerReconciliation reconciliation = new LedgerReconciliation(() -> List.copyOf(compared),
            world.ledger.envelopeRepository, new Callers(users));

    @BeforeEach
    void users() {
        users.add(new AppUser("admin", "hash", "admin", null, null, Set.of(Role.ADMIN)));
        users.add(new AppUser("finance", "hash", "finance", null, world.cdc.id(), Set.of(Role.FINANCE)));
        users.add(new AppUser("lost", "hash", "lost", null, null, Set.of(Role.FINANCE)));
        users.add(new AppUser("officer", "hash", "officer", null, null, Set.of(Role.OFFICER)));
    }

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private void envelope(String code, String... figures) {
        compared.add(new Compared(code, d(figures[0]), d(figures[1]), d(figures[2]), d(figures[3]), d(figures[4]),
                d(figures[5]), d(figures[6]), d(figures[7])));
    }

    @Test
    void shouldFindEveryEnvelopeConsistentWhenEachFigureEqualsItsEntriesWhateverTheScale() {
        envelope("AMI-TIGA", "1000", "1000.00", "10.5", "10.50", "0", "0.00", "3.00", "3");

        Result result = as("admin", () -> reconciliation.check());

        assertThat(result.consistent()).isTrue();
        assertThat(result.envelopes()).singleElement().isEqualTo(new EnvelopeCheck("AMI-TIGA", "1000.00", "1000.00",
                "10.50", "10.50", "0.00", "0.00", "3.00", "3.00", true));
    }

    @Test
    void shouldFindAnEnvelopeInconsistentOnAnyFigureThatDiffersByACentOrIsMissing() {
        envelope("CEILING", "1000.00", "999.99", "0", "0", "0", "0", "0", "0");
        envelope("RESERVED", "1000", "1000", "0.01", "0", "0", "0", "0", "0");
        envelope("COMMITTED", "1000", "1000", "0", "0", "5", "4.99", "0", "0");
        envelope("DISBURSED", "1000", "1000", "0", "0", "0", "0", "1", "2");
        envelope("NO-ENTRIES", "1000", null, "0", "0", "0", "0", "0", "0");
        envelope("FINE", "1000", "1000", "0", "0", "0", "0", "0", "0");

        Result result = as("admin", () -> reconciliation.run());

        assertThat(result.consistent()).isFalse();
        assertThat(result.envelopes()).filteredOn(c -> !c.consistent()).extracting(EnvelopeCheck::code)
                .containsExactly("CEILING", "RESERVED", "COMMITTED", "DISBURSED", "NO-ENTRIES");
        assertThat(result.envelopes().get(4).ceilingFromEntries()).isNull();
    }

    @Test
    void shouldShowAFinanceTeamItsOrganisationsEnvelopesOnly() {
        envelope("AMI-TIGA", "1000", "1000", "0", "0", "0", "0", "0", "0");
        envelope("FONDS-IMMO", "500", "400", "0", "0", "0", "0", "0", "0");

        Result cdc = as("finance", () -> reconciliation.check());
        Result none = as("lost", () -> reconciliation.check());

        assertThat(cdc.envelopes()).extracting(EnvelopeCheck::code).containsExactly("AMI-TIGA");
        assertThat(cdc.consistent()).as("the fund's difference is not the CDC's").isTrue();
        assertThat(none.envelopes()).isEmpty();
        assertThat(as("admin", () -> reconciliation.check()).consistent()).isFalse();
        assertThatThrownBy(() -> as("officer", () -> reconciliation.check()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
