package org.cofinance.application.reporting;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.user.Role;
import org.cofinance.reports.ReportFormat;
import org.cofinance.reports.ReportRenderer;
import org.cofinance.reports.ReportRows;

/**
 * Produces the finance team's reports, finance and administrators only: the report's source gives its rows, the one
 * renderer exports them.
 */
@Stateless
public class ReportService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ReportRenderer RENDERER = new ReportRenderer();

    @EJB
    private Callers callers;

    @Inject
    private ReportCatalog catalog;

    @Inject
    private Clock clock;

    public record Report(byte[] content, ReportFormat format, String fileName) {
    }

    public Report render(String name, ReportFormat format, Locale locale, ReportFilters filters) {
        Caller caller = callers.current().require(Role.FINANCE, Role.ADMIN);
        ReportSource source = catalog.source(name).orElseThrow(() -> new NotFoundException("no report " + name));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PARIS));
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        try (ReportRows rows = source.rows(filters, ReportScope.of(caller))) {
            RENDERER.render(source.definition(), rows, format, locale, filters.describe(locale), now, Map.of(),
                    content, done -> { });
        }
        return new Report(content.toByteArray(), format, name + "-" + now.toLocalDate() + "." + format.extension());
    }
}
