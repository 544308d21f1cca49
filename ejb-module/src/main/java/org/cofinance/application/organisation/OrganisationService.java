package org.cofinance.application.organisation;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.organisation.Siret;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/** Lists and registers organisations. Their names, kinds and SIRETs are public information. */
@Stateless
public class OrganisationService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    public Page<OrganisationView> list(Paging paging) {
        callers.current();
        List<OrganisationView> items = em.createQuery("select o from Organisation o order by o.id",
                        Organisation.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream()
                .map(OrganisationView::of).toList();
        long total = em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
        return new Page<>(items, total);
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
        } else if (siret != null && !em.createQuery("select o from Organisation o where o.siret.value = :s")
                .setParameter("s", siret).getResultList().isEmpty()) {
            violations.add(new Violation("siret", "is already registered"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Organisation organisation = new Organisation(name, parsedKind, siret == null ? null : Siret.of(siret));
        em.persist(organisation);
        em.flush();
        return OrganisationView.of(organisation);
    }
}
