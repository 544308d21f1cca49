package org.cofinance.application.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** The reports there are: one source each, found by the report's name. */
@ApplicationScoped
public class ReportCatalog {

    @Inject
    @Any
    private Instance<ReportSource> sources;

    public Optional<ReportSource> source(String name) {
        return sources.stream().filter(s -> s.definition().name().equals(name)).findFirst();
    }
}
