package org.cofinance.application.reporting;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    @EJB
    private ReportExportWorker worker;

    @Inject
    private ReportCatalog catalog;

    @Inject
    private Clock clock;

    public record ExportView(UUID id, String name, String format, String status, Integer rowsTotal, int rowsDone,
                             int percent, Instant requestedAt, Instant finishedAt, String fileName, String error) {
    }

    public record Content(byte[] bytes, ReportFormat format, String fileName) {
    }

    public ExportView start(String name, ReportFormat format, Locale locale, ReportFilters filters) {
        Caller caller = callers.current().require(Role.FINANCE, Role.ADMIN);
        catalog.source(name).orElseThrow(() -> new NotFoundException("no report " + name));
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into report_export (id, name, format, locale, filters, requested_by, "
                        + "requested_at, status) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'QUEUED')")
                .setParameter(1, id).setParameter(2, name).setParameter(3, format.name())
                .setParameter(4, locale.toLanguageTag()).setParameter(5, ExportRequest.encode(filters))
                .setParameter(6, caller.username()).setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate();
        worker.produceAfterCommit(id);
        return status(id);
    }

    public ExportView status(UUID id) {
        Object[] row = row(id, "name, format, status, rows_total, rows_done, requested_at, finished_at, file_name, "
                + "error");
        String status = (String) row[2];
        Instant requestedAt = instant(row[5]);
        if (("QUEUED".equals(status) || "RUNNING".equals(status))
                && requestedAt.plus(ABANDONED_AFTER).isBefore(clock.instant())) {
            status = "FAILED";
        }
        Integer total = (Integer) row[3];
        int done = (Integer) row[4];
        int percent = "DONE".equals(status) ? 100 : total == null || total == 0 ? 0 : Math.min(99, done * 100 / total);
        return new ExportView(id, (String) row[0], (String) row[1], status, total, done, percent, requestedAt,
                instant(row[6]), (String) row[7], (String) row[8]);
    }

    public Content content(UUID id) {
        Object[] row = row(id, "format, status, file_name, content");
        if (!"DONE".equals(row[1])) {
            throw new DomainException("export " + id + " is not ready (" + row[1] + ")");
        }
        return new Content((byte[]) row[3], ReportFormat.valueOf((String) row[0]), (String) row[2]);
    }

    /** A timestamptz as the driver gives it through Hibernate's native queries. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }

    /** The export's columns, for its requester or an administrator only. */
    private Object[] row(UUID id, String columns) {
        Caller caller = callers.current().require(Role.FINANCE, Role.ADMIN);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select requested_by, " + columns
                + " from report_export where id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty() || !(caller.has(Role.ADMIN) || caller.username().equals(rows.get(0)[0]))) {
            throw new NotFoundException("no export " + id);
        }
        Object[] row = rows.get(0);
        return java.util.Arrays.copyOfRange(row, 1, row.length);
    }
}
