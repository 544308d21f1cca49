package org.cofinance.application.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;

/** Organisations kept in memory, in the order they were registered. */
public final class InMemoryOrganisations implements OrganisationRepository {

    private final Map<Long, Organisation> organisations = new LinkedHashMap<>();

    public InMemoryOrganisations(Organisation... known) {
        for (Organisation organisation : known) {
            organisations.put(organisation.id(), organisation);
        }
    }

    @Override
    public Optional<Organisation> find(Long id) {
        return Optional.ofNullable(id == null ? null : organisations.get(id));
    }

    @Override
    public List<Organisation> list(int offset, int limit) {
        return organisations.values().stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long count() {
        return organisations.size();
    }

    @Override
    public boolean existsWithSiret(String siret) {
        return organisations.values().stream()
                .anyMatch(o -> o.siret().map(s -> s.toString().equals(siret)).orElse(false));
    }

    @Override
    public void add(Organisation organisation) {
        Ids.assign(organisation);
        organisations.put(organisation.id(), organisation);
    }
}
