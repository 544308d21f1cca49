package org.cofinance.application.organisation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.organisation.Siret;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/** Lists and registers organisations. Their names, kinds and SIRETs are public information. */
@Stateless
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final Callers callers;

    @Inject
    public OrganisationService(OrganisationRepository organisations, Callers callers) {
        this.organisations = organisations;
        this.callers = callers;
    }

    /** For the container's proxies only. */
    protected OrganisationService() {
        this(null, null);
    }

    public Page<OrganisationView> list(Paging paging) {
        callers.current();
        List<OrganisationView> items = organisations.list(paging.offset(), paging.size()).stream()
                .map(OrganisationView::of).toList();
        return new Page<>(items, organisations.count());
    }

    public OrganisationView create(String name, String kind, String siret) {
        callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        OrganisationKind parsedKind = kind == null ? null
                : Inputs.parseEnum(OrganisationKind.class, kind, "kind", violations);
        if (kind == null) {
            violations.add(new Violation("kind", "is required"));
        }
        if (siret != null && !Siret.isValid(siret)) {
            violations.add(new Violation("siret", "is 14 digits with a valid Luhn check digit"));
        } else if (siret != null && organisations.existsWithSiret(siret)) {
            violations.add(new Violation("siret", "is already registered"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Organisation organisation = new Organisation(name, parsedKind, siret == null ? null : Siret.of(siret));
        organisations.add(organisation);
        return OrganisationView.of(organisation);
    }
}
