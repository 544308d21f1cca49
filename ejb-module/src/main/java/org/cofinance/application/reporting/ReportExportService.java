package org.cofinance.application.reporting;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.user.Role;
import org.cofinance.reports.ReportFormat;

/**
 * Reports produced in the background, for the large ones: the request is stored, a worker produces the report and
 * records its progress, and the requester downloads it when done. Everything lives in the database, so any node
 * answers about an export that another produces; an export whose node died is reported failed after an hour.
 */
@Stateless
public class ReportExportService {

    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final ReportExports exports;
    private final ReportExportWorker worker;
    private final ReportCatalog catalog;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public ReportExportService(ReportExports exports, ReportExportWorker worker, ReportCatalog catalog,
                               Callers callers, Clock clock) {
        this.exports = exports;
        this.worker = worker;
        this.catalog = catalog;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected ReportExportService() {
        this(null, null, null, null, null);
    }

    public record ExportView(UUID id, String name, String format, String status, Integer rowsTotal, int rowsDone,
                             int percent, Instant requestedAt, Instant finishedAt, String fileName, String error)
            implements Serializable {
    }

    public record Content(byte[] bytes, ReportFormat format, String fileName) {
    }

    public ExportView start(String name, ReportFormat format, Locale locale, ReportFilters filters) {
        Caller caller = callers.current().require(Role.FINANCE, Role.ADMIN);
        catalog.source(name).orElseThrow(() -> new NotFoundException("no report " + name));
        UUID id = UUID.randomUUID();
        exports.queue(id, new ReportExports.Order(name, format, locale, filters, caller.username()), clock.instant());
        worker.produceAfterCommit(id);
        return status(id);
    }

    public ExportView status(UUID id) {
        ReportExports.Standing export = visible(id);
        String status = export.status();
        if (("QUEUED".equals(status) || "RUNNING".equals(status))
                && export.requestedAt().plus(ABANDONED_AFTER).isBefore(clock.instant())) {
            status = "FAILED";
        }
        Integer total = export.rowsTotal();
        int done = export.rowsDone();
        int percent = "DONE".equals(status) ? 100 : total == null || total == 0 ? 0 : Math.min(99, done * 100 / total);
        return new ExportView(id, export.name(), export.format().name(), status, total, done, percent,
                export.requestedAt(), export.finishedAt(), export.fileName(), export.error());
    }

    public Content content(UUID id) {
        ReportExports.Standing export = visible(id);
        byte[] bytes = exports.content(id).orElseThrow(() -> new DomainException("export " + id
                + " is not ready (" + export.status() + ")"));
        return new Content(bytes, export.format(), export.fileName());
    }

    /** The export, for its requester or an administrator only. */
    private ReportExports.Standing visible(UUID id) {
        Caller caller = callers.current().require(Role.FINANCE, Role.ADMIN);
        return exports.find(id).filter(e -> caller.has(Role.ADMIN) || caller.username().equals(e.requestedBy()))
                .orElseThrow(() -> new NotFoundException("no export " + id));
    }
}
