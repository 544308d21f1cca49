package org.cofinance.application.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cofinance.application.access.Callers;
import org.cofinance.application.programme.ProgrammeDashboardService.Dashboard;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** A programme's dashboard: its four figures for the territory chosen, in the caller's scope, to finance and admins. */
class ProgrammeDashboardServiceTest {

    private final List<String> asked = new ArrayList<>();
    private final InMemoryUsers users = new InMemoryUsers();

    /** The figures, remembering for which programme, territory and scope each was asked. */
    private final ProgrammeFigures figures = new ProgrammeFigures() {
        @Override
        public List<EnvelopeUse> envelopes(String programme, String territory, ReportScope scope) {
            asked.add("envelopes " + programme + " " + territory + " " + scope.organisationFilter());
            return List.of(new EnvelopeUse("AMI-TIGA", "AMI", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE,
                    BigDecimal.ZERO));
        }

        @Override
        public List<Stage> pipeline(String programme, String territory, ReportScope scope) {
            asked.add("pipeline " + programme + " " + territory + " " + scope.organisationFilter());
            return List.of(new Stage("APPROVED", 2, BigDecimal.TEN));
        }

        @Override
        public List<TerritoryLeverage> leverage(String programme, String territory, ReportScope scope) {
            asked.add("leverage " + programme + " " + territory + " " + scope.organisationFilter());
            return List.of();
        }

        @Override
        public List<IndicatorProgress> impact(String programme, String territory, ReportScope scope) {
            asked.add("impact " + programme + " " + territory + " " + scope.organisationFilter());
            return List.of(new IndicatorProgress("JOBS", "ETP", BigDecimal.TEN, null));
        }
    };

    private final ProgrammeDashboardService dashboards = new ProgrammeDashboardService(new InMemoryProgrammes(),
            figures, new Callers(users));

    ProgrammeDashboardServiceTest() {
        users.add(new AppUser("finance", "hash", "finance", null, 1L, Set.of(Role.FINANCE)));
        users.add(new AppUser("admin", "hash", "admin", null, null, Set.of(Role.ADMIN)));
        users.add(new AppUser("officer", "hash", "officer", null, null, Set.of(Role.OFFICER)));
    }

    @Test
    void shouldGatherTheFourFiguresOfAProgrammeAndTerritoryInTheCallersScope() {
        Dashboard dashboard = as("finance", () -> dashboards.of("AMI-TIGA", " Dijon "));

        assertThat(dashboard.programme()).isEqualTo("AMI-TIGA");
        assertThat(dashboard.territory()).isEqualTo("Dijon");
        assertThat(dashboard.envelopes()).hasSize(1);
        assertThat(dashboard.pipeline()).hasSize(1);
        assertThat(dashboard.leverage()).isEmpty();
        assertThat(dashboard.impact()).hasSize(1);
        assertThat(asked).containsExactly("envelopes AMI-TIGA Dijon 1", "pipeline AMI-TIGA Dijon 1",
                "leverage AMI-TIGA Dijon 1", "impact AMI-TIGA Dijon 1");
    }

    @Test
    void shouldShowAnAdministratorEveryTerritoryAndOrganisation() {
        Dashboard dashboard = as("admin", () -> dashboards.of("AMI-TIGA", " "));

        assertThat(dashboard.territory()).isNull();
        assertThat(asked).first().isEqualTo("envelopes AMI-TIGA null 0");
    }

    @Test
    void shouldRefuseAnUnknownProgrammeOrACallerWithoutTheRole() {
        assertThatThrownBy(() -> as("finance", () -> dashboards.of("NO-SUCH", null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("officer", () -> dashboards.of("AMI-TIGA", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(asked).isEmpty();
    }
}
