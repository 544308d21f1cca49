package org.cofinance.reports;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * Fills a report's compiled template with rows and exports it. One renderer serves every report; what differs
 * between reports is their {@link ReportDefinition} and their rows.
 */
public class ReportRenderer {

    /** How often, in rows, a long rendering reports its progress. */
    public static final int PROGRESS_EVERY = 1_000;

    /** Above this many rows, filled pages go to a swap file instead of the heap. */
    public static final int VIRTUALIZE_ABOVE = 2_000;

    private final Map<String, JasperReport> templates = new ConcurrentHashMap<>();

    /**
     * @param rows one map per line, keyed by the definition's column ids; money as {@link BigDecimal}
     */
    public byte[] render(ReportDefinition definition, List<? extends Map<String, ?>> rows, ReportFormat format,
                         Locale locale, String filters, ZonedDateTime generatedAt) {
        return render(definition, rows, format, locale, filters, generatedAt, Map.of());
    }

    /** The same, with parameters of the report's own (the project fields of a request sheet, for instance). */
    public byte[] render(ReportDefinition definition, List<? extends Map<String, ?>> rows, ReportFormat format,
                         Locale locale, String filters, ZonedDateTime generatedAt, Map<String, ?> reportParameters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportRows all = ReportRows.of(rows)) {
            render(definition, all, format, locale, filters, generatedAt, reportParameters, out, done -> { });
        }
        return out.toByteArray();
    }

    /**
     * Writes the report to {@code out}, reading its rows once as it lays them out, and telling {@code progress} how
     * many rows have been laid out so far, every {@value #PROGRESS_EVERY} rows and at the end. Above
     * {@value #VIRTUALIZE_ABOVE} rows the filled pages are swapped to a temporary file as they are produced, so that
     * memory stays bounded whatever the number of rows and pages. The caller closes the rows.
     */
    public void render(ReportDefinition definition, ReportRows rows, ReportFormat format, Locale locale,
                       String filters, ZonedDateTime generatedAt, Map<String, ?> reportParameters,
                       OutputStream out, IntConsumer progress) {
        if (format == ReportFormat.CSV) {
            csv(definition, rows, out, progress);
            return;
        }
        Map<String, String> labels = definition.labelMap(locale);
        Map<String, Object> parameters = new HashMap<>(reportParameters);
        parameters.put(JRParameter.REPORT_LOCALE, locale);
        parameters.put("REPORT_TITLE", definition.title(locale));
        parameters.put("LABELS", labels);
        parameters.put("FILTERS", filters == null ? "" : filters);
        Iterator<? extends Map<String, ?>> lines = rows.iterator();
        if (definition == ReportDefinition.ENVELOPE_STATUS) {
            // one row per envelope: few enough to draw them before printing them
            List<Map<String, ?>> envelopes = rows.remaining();
            parameters.put("CHART", ConsumptionChart.of(envelopes, labels));
            lines = envelopes.iterator();
        }
        parameters.put("GENERATED_AT", labels.get("generated") + " "
                + generatedAt.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)));
        JRSwapFileVirtualizer virtualizer = null;
        if (rows.count() > VIRTUALIZE_ABOVE) {
            virtualizer = new JRSwapFileVirtualizer(50, new JRSwapFile(System.getProperty("java.io.tmpdir"), 4096,
                    64), true);
            parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        }
        try {
            JasperPrint print = JasperFillManager.fillReport(template(definition), parameters,
                    new RowsDataSource(lines, progress, definition, labels, format == ReportFormat.XLSX));
            progress.accept(rows.count());
            if (virtualizer != null) {
                virtualizer.setReadOnly(true);
            }
            if (format == ReportFormat.PDF) {
                JRPdfExporter exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                exporter.exportReport();
            } else {
                JRXlsxExporter exporter = new JRXlsxExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
                configuration.setDetectCellType(true);
                configuration.setRemoveEmptySpaceBetweenRows(true);
                configuration.setOnePagePerSheet(false);
                configuration.setWhitePageBackground(false);
                exporter.setConfiguration(configuration);
                exporter.exportReport();
            }
        } catch (JRException e) {
            throw new ReportException("report " + definition.name() + " could not be produced", e);
        } finally {
            if (virtualizer != null) {
                virtualizer.cleanup();
            }
        }
    }

    /** CSV per the API: UTF-8, commas, a header of stable English ids, money as plain decimals with a dot. */
    static void csv(ReportDefinition definition, ReportRows rows, OutputStream out, IntConsumer progress) {
        try {
            Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            csv.write(String.join(",", definition.columns()));
            csv.write("\r\n");
            int written = 0;
            for (Iterator<? extends Map<String, ?>> lines = rows.iterator(); lines.hasNext(); ) {
                Map<String, ?> row = lines.next();
                List<String> cells = new ArrayList<>(definition.columns().size());
                for (String column : definition.columns()) {
                    cells.add(cell(row.get(column)));
                }
                csv.write(String.join(",", cells));
                csv.write("\r\n");
                if (++written % PROGRESS_EVERY == 0) {
                    progress.accept(written);
                }
            }
            csv.flush();
            progress.accept(written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        // amounts are euros: always with their two decimals, whatever scale the query gave them
        String text = value instanceof BigDecimal d ? d.setScale(Math.max(2, d.scale())).toPlainString()
                : value instanceof String s ? SpreadsheetText.neutralised(s) : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** The rows as JasperReports reads them, one at a time, their codes printed as labels, counted for the progress. */
    private static final class RowsDataSource implements JRDataSource {
        private final Iterator<? extends Map<String, ?>> rows;
        private final IntConsumer progress;
        private final ReportDefinition definition;
        private final Map<String, String> labels;
        private final boolean spreadsheet;
        private Map<String, ?> current;
        private int read;

        RowsDataSource(Iterator<? extends Map<String, ?>> rows, IntConsumer progress, ReportDefinition definition,
                       Map<String, String> labels, boolean spreadsheet) {
            this.rows = rows;
            this.progress = progress;
            this.definition = definition;
            this.labels = labels;
            this.spreadsheet = spreadsheet;
        }

        @Override
        public Object getFieldValue(JRField field) {
            Object value = definition.labelOf(field.getName(), current.get(field.getName()), labels);
            return spreadsheet && value instanceof String text ? SpreadsheetText.neutralised(text) : value;
        }

        @Override
        public boolean next() {
            if (!rows.hasNext()) {
                current = null;
                return false;
            }
            current = rows.next();
            if (++read % PROGRESS_EVERY == 0) {
                progress.accept(read);
            }
            return true;
        }
    }

    private JasperReport template(ReportDefinition definition) {
        return templates.computeIfAbsent(definition.template(), resource -> {
            try (InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ReportException("no compiled template " + resource, null);
                }
                return (JasperReport) JRLoader.loadObject(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JRException e) {
                throw new ReportException("template " + resource + " could not be loaded", e);
            }
        });
    }
}
