package org.cofinance.domain.model.organisation;

import java.util.List;
import java.util.Optional;

/** Where organisations are kept. */
public interface OrganisationRepository {

    Optional<Organisation> find(Long id);

    /** The organisations in the order they were registered. */
    List<Organisation> list(int offset, int limit);

    long count();

    boolean existsWithSiret(String siret);

    /** Keeps a new organisation, which gets its id. */
    void add(Organisation organisation);
}
