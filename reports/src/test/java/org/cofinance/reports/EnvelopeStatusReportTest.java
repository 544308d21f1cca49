package org.cofinance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class EnvelopeStatusReportTest {

    private static final ZonedDateTime GENERATED = ZonedDateTime.of(2026, 11, 26, 9, 30, 0, 0, ZoneOffset.UTC);
    private final ReportRenderer renderer = new ReportRenderer();

    private static Map<String, ?> row(String code, String name, String parent, String ceiling, String reserved,
                                      String committed, String disbursed) {
        BigDecimal c = new BigDecimal(ceiling);
        BigDecimal r = new BigDecimal(reserved);
        BigDecimal k = new BigDecimal(committed);
        Map<String, Object> row = new HashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("parent", parent);
        row.put("ceiling", c);
        row.put("reserved", r);
        row.put("committed", k);
        row.put("disbursed", new BigDecimal(disbursed));
        row.put("available", c.subtract(r).subtract(k));
        return row;
    }

    private static final List<Map<String, ?>> FIXTURE = List.of(
            row("AMI-TIGA", "AMI Territoires d'innovation", null, "500000000.00", "4000000.00", "1234567.89", "0.00"),
            row("AMI-TIGA-SUB", "AMI TIGA – subventions", "AMI-TIGA", "350000000.00", "4000000.00", "1234567.89",
                    "0.00"),
            row("FONDS-IMMO", "Fonds immobilier", null, "200000000.00", "0.00", "5000000.01", "1500000.00"));

    @Test
    void shouldPrintEachEnvelopesFiguresAndTheTotalOfTopLevelEnvelopesInFrench() throws IOException {
        // given envelopes with known balances
        // when the report is produced in PDF, in French
        byte[] pdf = renderer.render(ReportDefinition.ENVELOPE_STATUS, FIXTURE, ReportFormat.PDF, Locale.FRANCE,
                "Au 26/11/2026", GENERATED);

        // then the PDF carries each figure with French formats, and the total counts top-level envelopes only
        String text = normalise(textOf(pdf));
        assertThat(text).contains("État des enveloppes", "AMI-TIGA-SUB", "FONDS-IMMO", "Au 26/11/2026");
        assertThat(text).contains("500 000 000,00 €", "350 000 000,00 €", "1 234 567,89 €", "5 000 000,01 €",
                "494 765 432,11 €");
        assertThat(text).contains("700 000 000,00 €", "6 234 567,90 €", "689 765 432,10 €");
        assertThat(text).contains("1 / 1");
    }

    @Test
    void shouldPrintAnEnvelopeCodeOfFortyCharactersWholeOnAsManyLinesAsItNeeds() throws IOException {
        // given an envelope whose code has the forty characters a code may have
        String code = "PROGRAMME-REGIONAL-2026-SUBVENTIONS-0001";
        List<Map<String, ?>> rows = List.of(row(code, "Long", null, "1000.00", "0.00", "0.00", "0.00"));

        // when the report is produced in PDF
        byte[] pdf = renderer.render(ReportDefinition.ENVELOPE_STATUS, rows, ReportFormat.PDF, Locale.FRANCE, "",
                GENERATED);

        // then the whole code is printed, wrapped at its hyphens rather than cut
        assertThat(code).hasSize(40);
        assertThat(textOf(pdf).replace("-\n", "-").replace("-\r\n", "-")).contains(code);
    }

    @Test
    void shouldDrawTheConsumptionChartOfTheEnvelopes() throws IOException {
        byte[] pdf = renderer.render(ReportDefinition.ENVELOPE_STATUS, FIXTURE, ReportFormat.PDF, Locale.FRANCE, "",
                ZonedDateTime.of(2026, 11, 26, 9, 30, 0, 0, ZoneOffset.UTC));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Consommation des enveloppes");
            int images = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(1);
        }
        java.awt.image.BufferedImage chart = ConsumptionChart.of(FIXTURE, Map.of());
        assertThat(chart.getWidth()).isEqualTo(ConsumptionChart.WIDTH);
        assertThat(ConsumptionChart.of(List.of(), Map.of())).isNull();
    }

    @Test
    void shouldSpeakEnglishOnRequest() throws IOException {
        // when the report is asked in English
        byte[] pdf = renderer.render(ReportDefinition.ENVELOPE_STATUS, FIXTURE, ReportFormat.PDF, Locale.UK, "",
                GENERATED);

        // then its title and headers are English and its figures English-formatted
        String text = normalise(textOf(pdf));
        assertThat(text).contains("Envelope status", "Ceiling", "Available", "500,000,000.00 €");
    }

    @Test
    void shouldWriteCsvWithStableEnglishHeadersAndPlainDecimals() {
        // when the report is asked in CSV
        String csv = new String(renderer.render(ReportDefinition.ENVELOPE_STATUS, FIXTURE, ReportFormat.CSV,
                Locale.FRANCE, "", GENERATED), StandardCharsets.UTF_8);

        // then the header is the API's and money is a plain decimal with a dot
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("code,name,parent,ceiling,reserved,committed,disbursed,available");
        assertThat(lines.get(1)).isEqualTo(
                "AMI-TIGA,AMI Territoires d'innovation,,500000000.00,4000000.00,1234567.89,0.00,494765432.11");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(3)).endsWith(",0.00,5000000.01,1500000.00,194999999.99");
    }

    @Test
    void shouldProduceAnXlsxWorkbook() {
        // when the report is asked in XLSX
        byte[] xlsx = renderer.render(ReportDefinition.ENVELOPE_STATUS, FIXTURE, ReportFormat.XLSX, Locale.FRANCE,
                "", GENERATED);

        // then it is a zip-based OOXML workbook
        assertThat(xlsx).startsWith(new byte[] {'P', 'K'});
        assertThat(new String(xlsx, StandardCharsets.ISO_8859_1)).contains("xl/workbook.xml");
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** Narrow and ordinary no-break spaces, as French formats use them, read as plain spaces. */
    private static String normalise(String text) {
        return text.replace('\u202F', ' ').replace('\u00A0', ' ');
    }
}
