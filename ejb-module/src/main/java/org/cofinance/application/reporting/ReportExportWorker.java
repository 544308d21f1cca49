package org.cofinance.application.reporting;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cofinance.application.access.Caller;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.AfterCommit;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.UserRepository;
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

    @Inject
    private ReportExports exports;

    /** The container's proxy of this bean, so that each step runs in its own transaction (set by tests here too). */
    @EJB
    ReportExportWorker self;

    @Inject
    private ReportCatalog catalog;

    @Inject
    private Clock clock;

    @Inject
    private UserRepository users;

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
            // the cause stays in the log: its message may name tables, queries or paths of the server
            LOG.log(Level.WARNING, "export " + id + " failed", e);
            self.failed(id, "the export could not be produced; the administrators can find why in the server log "
                    + "under export " + id);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void run(UUID id) {
        ReportExports.Order order = exports.order(id).orElseThrow(() -> new NotFoundException("no export " + id));
        ReportSource source = catalog.source(order.name()).orElseThrow();
        ReportFormat format = order.format();
        Locale locale = order.locale();
        ReportFilters filters = order.filters();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PARIS));
        int total;
        // the requester's scope as it stands now: an export never shows more than he may see when it is produced
        ReportScope scope = users.find(order.requestedBy()).filter(AppUser::isEnabled).map(Caller::of)
                .map(ReportScope::of).orElseThrow(() -> new AccessDeniedException("the export's requester "
                        + order.requestedBy() + " may no longer see it"));
        try (ReportRows rows = source.rows(filters, scope)) {
            total = rows.count();
            self.progress(id, "RUNNING", total, 0);
            RENDERER.render(source.definition(), rows, format, locale, filters.describe(locale), now, Map.of(), out,
                    done -> self.progress(id, "RUNNING", total, done));
        } catch (ReportException e) {
            throw new IllegalStateException("the report could not be produced", e);
        }
        exports.done(id, total, out.toByteArray(),
                source.definition().name() + "-" + now.toLocalDate() + "." + format.extension(), clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(UUID id, String status, int total, int done) {
        exports.progress(id, status, total, done);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(UUID id, String error) {
        exports.failed(id, error, clock.instant());
    }
}
