package org.cofinance.application.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cofinance.application.access.Caller;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** An administrator's reports show every organisation, a finance team's its own, a user of none nothing. */
class ReportScopeTest {

    @Test
    void shouldLetAnAdministratorReadEveryOrganisation() {
        ReportScope scope = ReportScope.of(new Caller("admin", Set.of(Role.ADMIN, Role.FINANCE), 5L));

        assertThat(scope.administrator()).isTrue();
        assertThat(scope.organisationId()).isNull();
        assertThat(scope.organisationFilter()).isZero();
    }

    @Test
    void shouldKeepAFinanceTeamToItsOrganisation() {
        ReportScope scope = ReportScope.of(new Caller("finance", Set.of(Role.FINANCE), 5L));

        assertThat(scope.administrator()).isFalse();
        assertThat(scope.organisationFilter()).isEqualTo(5L);
    }

    @Test
    void shouldShowNothingToAFinanceUserOfNoOrganisation() {
        ReportScope scope = ReportScope.of(new Caller("lost", Set.of(Role.FINANCE), null));

        assertThat(scope.organisationFilter()).isEqualTo(-1L);
    }
}
