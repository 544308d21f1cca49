package org.cofinance.application.opendata;

import java.util.List;

/** Where the published grants are read. */
public interface PublishedGrants {

    /**
     * The grants of signed conventions, oldest convention first; of one attributing organisation when {@code siret} is
     * not null, of conventions signed in {@code year} (Paris time) when it is not null. A beneficiary with neither a
     * SIRET nor an RNA number is left out (the format needs one).
     */
    List<PublishedGrant> signed(String siret, Integer year);
}
