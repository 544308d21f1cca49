package org.cofinance.domain.model.programme;

import java.util.List;
import java.util.Optional;

public interface ProgrammeRepository {

    Optional<Programme> findByCode(String code);

    /** Every programme, by code. */
    List<Programme> all();

    void add(Programme programme);
}
