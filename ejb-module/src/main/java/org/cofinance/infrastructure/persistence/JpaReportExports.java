package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.cofinance.application.reporting.ReportExports;
import org.cofinance.reports.ReportFormat;

/** Background exports in the {@code report_export} table, the produced file with them. */
@ApplicationScoped
public class JpaReportExports implements ReportExports {

    @PersistenceContext
    private EntityManager em;

    @Override
    public void queue(UUID id, Order order, Instant at) {
        em.createNativeQuery("insert into report_export (id, name, format, locale, filters, requested_by, "
                        + "requested_at, status) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'QUEUED')")
                .setParameter(1, id).setParameter(2, order.name()).setParameter(3, order.format().name())
                .setParameter(4, order.locale().toLanguageTag()).setParameter(5, ExportRequest.encode(order.filters()))
                .setParameter(6, order.requestedBy()).setParameter(7, Timestamp.from(at))
                .executeUpdate();
    }

    @Override
    public Optional<Standing> find(UUID id) {
        return em.createNativeQuery("select requested_by, name, format, status, rows_total, rows_done, requested_at, "
                        + "finished_at, file_name, error from report_export where id = ?1")
                .setParameter(1, id).getResultStream().findFirst().map(result -> {
                    Object[] row = (Object[]) result;
                    return new Standing((String) row[0], (String) row[1], ReportFormat.valueOf((String) row[2]),
                            (String) row[3], (Integer) row[4], (Integer) row[5], instant(row[6]), instant(row[7]),
                            (String) row[8], (String) row[9]);
                });
    }

    @Override
    public Optional<Order> order(UUID id) {
        return em.createNativeQuery("select name, format, locale, filters, requested_by from report_export "
                        + "where id = ?1")
                .setParameter(1, id).getResultStream().findFirst().map(result -> {
                    Object[] row = (Object[]) result;
                    return new Order((String) row[0], ReportFormat.valueOf((String) row[1]),
                            Locale.forLanguageTag((String) row[2]), ExportRequest.decode((String) row[3]),
                            (String) row[4]);
                });
    }

    @Override
    public Optional<byte[]> content(UUID id) {
        return em.createNativeQuery("select content from report_export where id = ?1 and status = 'DONE'")
                .setParameter(1, id).getResultStream().findFirst().map(byte[].class::cast);
    }

    @Override
    public void progress(UUID id, String status, int total, int done) {
        em.createNativeQuery("update report_export set status = ?2, rows_total = ?3, rows_done = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, total).setParameter(4, done)
                .executeUpdate();
    }

    @Override
    public void done(UUID id, int total, byte[] content, String fileName, Instant at) {
        em.createNativeQuery("update report_export set status = 'DONE', rows_done = ?2, content = ?3, file_name = ?4,"
                        + " finished_at = ?5 where id = ?1")
                .setParameter(1, id).setParameter(2, total).setParameter(3, content).setParameter(4, fileName)
                .setParameter(5, Timestamp.from(at)).executeUpdate();
    }

    @Override
    public void failed(UUID id, String error, Instant at) {
        em.createNativeQuery("update report_export set status = 'FAILED', error = ?2, finished_at = ?3 where id = ?1")
                .setParameter(1, id).setParameter(2, error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter(3, Timestamp.from(at)).executeUpdate();
    }

    /** A timestamptz as the driver gives it through Hibernate's native queries. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
