package org.cofinance.interfaces.web.finance;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.cofinance.application.reporting.ReportExportService;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportService;
import org.cofinance.interfaces.web.Downloads;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.ListFilters;
import org.cofinance.interfaces.web.Ui;
import org.cofinance.reports.ReportFormat;

/**
 * The reports page of finance: choice of report, filters, format and language; a download at once, or an export in
 * the background whose progress the page follows until its file is ready.
 */
@Named
@ViewScoped
public class ReportsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final List<String> NAMES = List.of("envelope-status", "commitments", "pipeline", "disbursements",
            "audit");

    @EJB
    private ReportService reports;

    @EJB
    private ReportExportService exports;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private String name = "envelope-status";
    private String format = "PDF";
    private String language;
    private LocalDate at;
    private LocalDate from;
    private LocalDate to;
    private final ListFilters filters = new ListFilters();
    private ReportExportService.ExportView export;

    public void download() throws IOException {
        ReportService.Report[] produced = new ReportService.Report[1];
        if (ui.attempt(errors, () -> produced[0] = reports.render(name, ReportFormat.parse(format), locale(),
                reportFilters()))) {
            Downloads.send(produced[0].content(), produced[0].format().contentType(), produced[0].fileName());
        }
    }

    public void startExport() {
        ui.attempt(errors, () -> export = exports.start(name, ReportFormat.parse(format), locale(), reportFilters()));
    }

    /** Called by the page's poll while an export runs. */
    public void refreshExport() {
        if (export != null && isRunning()) {
            export = exports.status(export.id());
        }
    }

    public boolean isRunning() {
        return export != null && ("QUEUED".equals(export.status()) || "RUNNING".equals(export.status()));
    }

    public void downloadExport() throws IOException {
        ReportExportService.Content content = exports.content(export.id());
        Downloads.send(content.bytes(), content.format().contentType(), content.fileName());
    }

    private ReportFilters reportFilters() {
        return new ReportFilters(at, from, to, filters.territoryOrNull(), filters.envelopeCodeOrNull(),
                filters.getFunderId(), filters.programmeOrNull());
    }

    private Locale locale() {
        return language == null || language.isBlank() ? Ui.locale() : Locale.forLanguageTag(language);
    }

    public List<String> getNames() {
        return NAMES;
    }

    public List<String> getFormats() {
        return List.of("PDF", "XLSX", "CSV");
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public ReportExportService.ExportView getExport() {
        return export;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public LocalDate getAt() {
        return at;
    }

    public void setAt(LocalDate at) {
        this.at = at;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public ListFilters getFilters() {
        return filters;
    }
}
