package org.cofinance.application.reporting;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.cofinance.reports.ReportFormat;

/** Where background exports are kept: what was asked, by whom, how far it got, and the file once produced. */
public interface ReportExports {

    /** What an export produces, and for whom (whose scope its rows keep to). */
    record Order(String name, ReportFormat format, Locale locale, ReportFilters filters, String requestedBy) {
    }

    /** Where an export stands; {@code status} QUEUED, RUNNING, DONE or FAILED. */
    record Standing(String requestedBy, String name, ReportFormat format, String status, Integer rowsTotal,
                    int rowsDone, Instant requestedAt, Instant finishedAt, String fileName, String error) {
    }

    void queue(UUID id, Order order, Instant at);

    Optional<Standing> find(UUID id);

    Optional<Order> order(UUID id);

    /** The produced file, once the export is done. */
    Optional<byte[]> content(UUID id);

    void progress(UUID id, String status, int total, int done);

    void done(UUID id, int total, byte[] content, String fileName, Instant at);

    void failed(UUID id, String error, Instant at);
}
