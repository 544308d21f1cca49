package org.cofinance.application.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Programmes: listed to whoever is signed in, open or not on Paris's calendar; created by an administrator only. */
class ProgrammeServiceTest {

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryProgrammes programmes = new InMemoryProgrammes();
    private final ProgrammeService service = new ProgrammeService(programmes,
            new InMemoryOrganisations(world.cdc, world.fund, world.lead), new Callers(users), world.clock);

    @BeforeEach
    void users() {
        users.add(new AppUser("admin", "hash", "admin", null, null, Set.of(Role.ADMIN)));
        users.add(new AppUser("officer", "hash", "officer", null, null, Set.of(Role.OFFICER)));
    }

    private static NewProgramme call(String code, String opensOn, String closesOn, List<String> themes) {
        return new NewProgramme(code, "Appel des territoires ruraux", 1L, opensOn, closesOn, themes,
                List.of(new NewProgramme.IndicatorLine("JOBS", "Emplois", "ETP")), true);
    }

    @Test
    void shouldCreateAProgrammeForAnAdministratorAndListItOpenFromItsFirstDay() {
        ProgrammeView created = as("admin", () -> service.create(call(" IT-RURAL ", "2026-11-26", "2026-12-31",
                List.of("ENERGY", "MOBILITY"))));

        assertThat(created.code()).isEqualTo("IT-RURAL");
        assertThat(created.operatorOrganisationId()).isEqualTo(world.cdc.id());
        assertThat(created.operatorName()).isEqualTo("CDC");
        assertThat(created.opensOn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(created.themes()).containsExactly("ENERGY", "MOBILITY");
        assertThat(created.indicators()).extracting(NewProgramme.IndicatorLine::code).containsExactly("JOBS");
        assertThat(created.euNotification()).isTrue();
        assertThat(created.open()).isTrue();
        assertThat(as("officer", () -> service.get("IT-RURAL"))).isEqualTo(created);
        assertThat(as("officer", () -> service.list())).extracting(ProgrammeView::code)
                .containsExactly("AMI-TIGA", "IT-RURAL");
    }

    @Test
    void shouldListAProgrammeOpeningTomorrowOrClosedYesterdayAsNotOpen() {
        as("admin", () -> service.create(call("IT-LATER", "2026-11-27", null, List.of("ENERGY"))));
        as("admin", () -> service.create(call("IT-OVER", "2026-01-01", "2026-11-25", List.of("ENERGY"))));

        assertThat(as("officer", () -> service.get("IT-LATER")).open()).isFalse();
        assertThat(as("officer", () -> service.get("IT-OVER")).open()).isFalse();
        assertThat(as("officer", () -> service.get("AMI-TIGA")).open()).isTrue();
    }

    @Test
    void shouldNameEveryMistakeOnceAndStoreNothing() {
        NewProgramme broken = new NewProgramme("x", "", 999L, "2026-13-01", "demain", Arrays.asList("ENERGY", "SPACE",
                null), Arrays.asList(new NewProgramme.IndicatorLine("jobs", "Emplois", "ETP")), null);

        assertThatThrownBy(() -> as("admin", () -> service.create(broken))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .contains("operatorOrganisationId", "opensOn", "closesOn", "themes[1]", "code", "name")
                        .doesNotHaveDuplicates());
        assertThat(as("officer", () -> service.list())).hasSize(1);
    }

    @Test
    void shouldRefuseAProgrammeWithoutOperatorOrWhoseCodeIsTaken() {
        NewProgramme noOperator = new NewProgramme("IT-NONE", "Appel", null, "2026-01-01", null, List.of("ENERGY"),
                null, false);

        assertThatThrownBy(() -> as("admin", () -> service.create(noOperator))).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("operatorOrganisationId"));
        assertThatThrownBy(() -> as("admin", () -> service.create(call("AMI-TIGA", "2026-01-01", null,
                List.of("ENERGY"))))).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("code");
                    assertThat(e.violations().get(0).message()).contains("already exists");
                });
    }

    @Test
    void shouldLetOnlyAnAdministratorCreateAndOnlyTheSignedInRead() {
        assertThatThrownBy(() -> as("officer", () -> service.create(call("IT-X", "2026-01-01", null,
                List.of("ENERGY"))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("officer", () -> service.get("NO-SUCH"))).isInstanceOf(NotFoundException.class);
        assertThat(as("officer", () -> service.list())).extracting(ProgrammeView::code).containsExactly("AMI-TIGA");
    }
}
