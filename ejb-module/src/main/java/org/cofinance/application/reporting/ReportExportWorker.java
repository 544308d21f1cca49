package org.cofinance.application.reporting;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cofinance.application.shared.AfterCommit;
import org.cofinance.reports.ReportException;
import org.cofinance.reports.ReportFormat;
import org.cofinance.reports.ReportRenderer;
import org.cofinance.reports.ReportRows;

/** Produces one background export, recording its progress as it goes, each record in a transaction of its own. */
@Stateless
public class ReportExportWorker {

    private static final Logger LOG = Logger.getLogger(ReportExportWorker.class.getName());
    private static final ReportRenderer RENDERER = new ReportRenderer();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ReportExportWorker self;

    @Inject
    private ReportCatalog catalog;

    @Inject
    private Clock clock;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Starts the production once the request to produce it is committed (and not at all if it rolls back). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void produceAfterCommit(UUID id) {
        AfterCommit.run(transactions, () -> self.produce(id));
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void produce(UUID id) {
        try {
            self.run(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "export " + id + " failed", e);
            self.record(id, "update report_export set status = 'FAILED', error = ?2, finished_at = ?3 where id = ?1",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void run(UUID id) {
        Object[] request = (Object[]) em.createNativeQuery("select name, format, locale, filters from report_export "
                + "where id = ?1").setParameter(1, id).getSingleResult();
        ReportSource source = catalog.source((String) request[0]).orElseThrow();
        ReportFormat format = ReportFormat.valueOf((String) request[1]);
        Locale locale = Locale.forLanguageTag((String) request[2]);
        ReportFilters filters = ExportRequest.decode((String) request[3]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PARIS));
        int total;
        try (ReportRows rows = source.rows(filters)) {
            total = rows.count();
            self.progress(id, "RUNNING", total, 0);
            RENDERER.render(source.definition(), rows, format, locale, filters.describe(locale), now, Map.of(), out,
                    done -> self.progress(id, "RUNNING", total, done));
        } catch (ReportException e) {
            throw new IllegalStateException("the report could not be produced", e);
        }
        em.createNativeQuery("update report_export set status = 'DONE', rows_done = ?2, content = ?3, file_name = ?4,"
                        + " finished_at = ?5 where id = ?1")
                .setParameter(1, id).setParameter(2, total).setParameter(3, out.toByteArray())
                .setParameter(4, source.definition().name() + "-" + now.toLocalDate() + "." + format.extension())
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(UUID id, String status, int total, int done) {
        em.createNativeQuery("update report_export set status = ?2, rows_total = ?3, rows_done = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, total).setParameter(4, done)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(UUID id, String update, String error) {
        em.createNativeQuery(update).setParameter(1, id).setParameter(2, error.length() > 1000
                ? error.substring(0, 1000) : error).setParameter(3, Timestamp.from(clock.instant())).executeUpdate();
    }
}
