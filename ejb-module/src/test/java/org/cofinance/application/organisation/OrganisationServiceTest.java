package org.cofinance.application.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;

import java.util.List;
import java.util.Set;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The directory of organisations: read by whoever is signed in, registered by an administrator, SIRETs checked. */
class OrganisationServiceTest {

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryOrganisations organisations = new InMemoryOrganisations(world.cdc, world.fund, world.lead);
    private final OrganisationService service = new OrganisationService(organisations, new Callers(users));

    @BeforeEach
    void users() {
        users.add(new AppUser("admin", "hash", "admin", null, null, Set.of(Role.ADMIN)));
        users.add(new AppUser("officer", "hash", "officer", null, null, Set.of(Role.OFFICER)));
    }

    private List<String> refused(String name, String kind, String siret) {
        try {
            as("admin", () -> service.create(name, kind, siret));
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("registered");
    }

    @Test
    void shouldRegisterAnOrganisationWithItsSiretForAnAdministrator() {
        OrganisationView created = as("admin", () -> service.create("Université de Bourgogne", "RESEARCH",
                "73282932000074"));

        assertThat(created.id()).isNotNull();
        assertThat(created.name()).isEqualTo("Université de Bourgogne");
        assertThat(created.kind()).isEqualTo("RESEARCH");
        assertThat(created.siret()).isEqualTo("73282932000074");
        assertThat(as("admin", () -> service.create("Sans SIRET", "ASSOCIATION", null)).siret()).isNull();
        assertThat(as("officer", () -> service.list(Paging.of(0, 50))).total()).isEqualTo(5);
    }

    @Test
    void shouldNameEachMistakeAndRegisterNothing() {
        as("admin", () -> service.create("Déjà là", "COMPANY", "44306184100047"));

        assertThat(refused(null, null, null)).containsExactly("name", "kind");
        assertThat(refused(" ", "COMPANY", null)).containsExactly("name");
        assertThat(refused("x".repeat(201), "COMPANY", null)).containsExactly("name");
        assertThat(refused("Nom", "PLANET", null)).containsExactly("kind");
        assertThat(refused("Nom", "COMPANY", "12345678900010")).containsExactly("siret");
        assertThat(refused("Nom", "COMPANY", "44306184100047")).containsExactly("siret");
        assertThat(organisations.count()).isEqualTo(4);
        assertThat(as("admin", () -> service.create("x".repeat(200), "COMPANY", null)).name()).hasSize(200);
    }

    @Test
    void shouldListAPageOfTheDirectoryWithItsTotal() {
        Page<OrganisationView> page = as("officer", () -> service.list(Paging.of(1, 2)));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(OrganisationView::name).containsExactly("Agrinova");
    }

    @Test
    void shouldLetOnlyAnAdministratorRegisterAndOnlyTheSignedInRead() {
        assertThatThrownBy(() -> as("officer", () -> service.create("X", "COMPANY", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(Paging.of(0, 50))).isInstanceOf(AccessDeniedException.class);
        assertThat(organisations.count()).isEqualTo(3);
    }
}
