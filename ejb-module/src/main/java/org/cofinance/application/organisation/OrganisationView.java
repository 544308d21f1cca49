package org.cofinance.application.organisation;

import org.cofinance.domain.model.organisation.Organisation;

public record OrganisationView(Long id, String name, String kind, String siret) {
    public static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id(), o.name(), o.kind().name(), o.siret().map(Object::toString).orElse(null));
    }
}
