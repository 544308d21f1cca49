package org.cofinance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every report in every format, filled from fixture data and read back. */
class ReportFormatsTest {

    private static final ZonedDateTime GENERATED = ZonedDateTime.of(2026, 11, 26, 9, 30, 0, 0, ZoneOffset.UTC);
    private final ReportRenderer renderer = new ReportRenderer();

    static Stream<Arguments> reports() {
        return Stream.of(
                Arguments.of(ReportDefinition.ENVELOPE_STATUS, ReportFixtures.envelopes(), "ceiling"),
                Arguments.of(ReportDefinition.COMMITMENTS, ReportFixtures.commitments(), "amount"),
                Arguments.of(ReportDefinition.PIPELINE, ReportFixtures.pipeline(), "eligibleCost"),
                Arguments.of(ReportDefinition.DISBURSEMENTS, ReportFixtures.disbursements(), "paidAmount"),
                Arguments.of(ReportDefinition.FORECAST, ReportFixtures.forecast(), "scheduled"),
                Arguments.of(ReportDefinition.REQUEST_SHEET, ReportFixtures.requestSheet(), "amount"),
                Arguments.of(ReportDefinition.CONVENTION, ReportFixtures.convention(), "amount"),
                Arguments.of(ReportDefinition.AUDIT, ReportFixtures.audit(), "amount"),
                Arguments.of(ReportDefinition.IMPACT, ReportFixtures.impact(), "target"),
                Arguments.of(ReportDefinition.LEVERAGE, ReportFixtures.leverage(), "private"));
    }

    @ParameterizedTest
    @MethodSource("reports")
    void shouldWriteCsvWithTheStableHeaderAndOneParsableLinePerRow(ReportDefinition definition,
                                                                   List<Map<String, ?>> rows, String moneyColumn)
            throws IOException {
        String csv = new String(renderer.render(definition, rows, ReportFormat.CSV, Locale.FRANCE, "", GENERATED),
                StandardCharsets.UTF_8);

        List<List<String>> parsed = Csv.parse(csv);
        assertThat(parsed.get(0)).isEqualTo(definition.columns());
        assertThat(parsed).hasSize(rows.size() + 1);
        int money = definition.columns().indexOf(moneyColumn);
        BigDecimal fromCsv = parsed.stream().skip(1).map(l -> l.get(money)).filter(s -> !s.isEmpty())
                .map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal fromRows = rows.stream().map(r -> (BigDecimal) r.get(moneyColumn)).filter(v -> v != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fromCsv).isEqualByComparingTo(fromRows);
    }

    /** The request sheet is a document for a committee, in PDF only; the others are tables. */
    static Stream<Arguments> tables() {
        return reports().filter(a -> a.get()[0] != ReportDefinition.REQUEST_SHEET
                && a.get()[0] != ReportDefinition.CONVENTION);
    }

    @ParameterizedTest
    @MethodSource("tables")
    void shouldWriteXlsxWithNumericMoneyCellsInEurosAndAFrozenHeader(ReportDefinition definition,
                                                                    List<Map<String, ?>> rows, String moneyColumn)
            throws IOException {
        byte[] xlsx = renderer.render(definition, rows, ReportFormat.XLSX, Locale.FRANCE, "", GENERATED);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPaneInformation()).as("frozen header").isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            List<Double> numbers = new ArrayList<>();
            List<String> formats = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC) {
                        numbers.add(cell.getNumericCellValue());
                        formats.add(cell.getCellStyle().getDataFormatString());
                    }
                }
            }
            BigDecimal first = rows.stream().map(r -> (BigDecimal) r.get(moneyColumn)).filter(v -> v != null)
                    .findFirst().orElseThrow();
            assertThat(numbers).as("money as numeric cells").contains(first.doubleValue());
            if (definition == ReportDefinition.IMPACT) {
                // quantities in the indicators' units, never euros
                assertThat(formats).noneSatisfy(f -> assertThat(f).contains("€"));
            } else {
                assertThat(formats).anySatisfy(f -> assertThat(f).contains("€").contains("0.00"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("reports")
    void shouldWritePdfWithTitlePagesAndEmbeddedFonts(ReportDefinition definition, List<Map<String, ?>> rows,
                                                      String moneyColumn) throws IOException {
        byte[] pdf = renderer.render(definition, rows, ReportFormat.PDF, Locale.FRANCE, "Filtres : aucun",
                GENERATED);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u202F', ' ').replace('\u00A0', ' ');
            assertThat(text).contains(definition.title(Locale.FRANCE), "Filtres : aucun", "1 / 1", "26/11/2026");
            document.getPages().forEach(page -> page.getResources().getFontNames().forEach(name -> {
                try {
                    assertThat(page.getResources().getFont(name).isEmbedded()).as("font " + name + " embedded")
                            .isTrue();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
    }

    @Test
    void shouldPrintTheCommitmentsLeverageByTerritoryAndOverall() throws IOException {
        byte[] pdf = renderer.render(ReportDefinition.COMMITMENTS, ReportFixtures.commitments(), ReportFormat.PDF,
                Locale.FRANCE, "", GENERATED);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replace('\u202F', ' ').replace('\u00A0', ' ');
            // leverage counts the requests' own money of their coalitions, as the leverage report does: Besançon
            // 3 M€ private for 1 M€ public, Dijon 3 M€ for 2 M€, overall 6 M€ for 3 M€
            assertThat(text).contains("Sous-total Besançon", "Sous-total Dijon");
            assertThat(text).contains("(privé / public) : 3,00", "(privé / public) : 1,50", "(privé / public) : 2,00");
            assertThat(text).contains("3 000 000,00 €", "7 000 000,00 €", "10 000 000,00 €", "750 000,00 €");
            assertThat(text).contains("Public 5 000 000,00 € · Privé 5 000 000,00 €");
        }
    }

    @Test
    void shouldTotalThePipelineByStageAndTheScheduleByQuarter() throws IOException {
        String pipeline = pdfText(renderer.render(ReportDefinition.PIPELINE, ReportFixtures.pipeline(),
                ReportFormat.PDF, Locale.FRANCE, "", GENERATED));
        assertThat(pipeline).contains("En attente des décisions", "Brouillon", "Sous-total : 2 demande(s)",
                "2 000 000,00 €", "Total : 3 demande(s)", "2 500 000,00 €");

        String schedule = pdfText(renderer.render(ReportDefinition.DISBURSEMENTS, ReportFixtures.disbursements(),
                ReportFormat.PDF, Locale.FRANCE, "", GENERATED));
        assertThat(schedule).contains("Trimestre 2026-T3", "Trimestre 2026-T4", "Sous-total 2026-T4",
                "400 000,00 €", "450 000,00 €", "750 000,00 €");
    }

    @Test
    void shouldPrintTheRequestSheetWithItsProjectAndSections() throws IOException {
        String sheet = pdfText(renderer.render(ReportDefinition.REQUEST_SHEET, ReportFixtures.requestSheet(),
                ReportFormat.PDF, Locale.FRANCE, "", GENERATED, Map.of("REFERENCE", "CF-2026-000001", "PROJECT",
                        "Résidence de 300 chercheurs", "ELIGIBLE_COST", "7 000 000,00 €")));

        assertThat(sheet).contains("Fiche d'engagement", "CF-2026-000001", "Résidence de 300 chercheurs",
                "Plan de financement", "Décisions des financeurs", "Engagements", "7 000 000,00 €",
                "APPROVE · cdc");
    }

    @Test
    void shouldPrintTheConventionWithItsPartiesScheduleCommitmentsAndSignatureBlocks() throws IOException {
        String convention = pdfText(renderer.render(ReportDefinition.CONVENTION, ReportFixtures.convention(),
                ReportFormat.PDF, Locale.FRANCE, "CF-2026-000001 – Résidence", GENERATED, Map.of("REFERENCE",
                        "CF-2026-000001", "PROJECT", "Résidence de 300 chercheurs", "LEAD", "Agrinova SAS",
                        "ELIGIBLE_COST", "7 000 000,00 €")));

        assertThat(convention).contains("Convention de financement", "CF-2026-000001", "Les parties",
                "Caisse des Dépôts", "Financeur · SIRET 18002002600019", "Agrinova SAS", "Université de Bourgogne",
                "Plan de financement", "4 000 000,00 €", "7 000 000,00 €", "Échéancier des versements",
                "À la signature", "30,00 %", "Engagements de chaque financeur", "Signatures",
                "Pour Caisse des Dépôts", "Pour Université de Bourgogne", "Nom et qualité");
    }

    @Test
    void shouldSwapPagesToDiskAboveTheThresholdAndStillTotalEveryRow() throws IOException {
        // given more rows than the renderer keeps in memory, 1.00 € each
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < ReportRenderer.VIRTUALIZE_ABOVE + 500; i++) {
            Map<String, Object> row = new java.util.HashMap<>(ReportFixtures.row("reference", "CF-" + i, "territory",
                    "T" + (i / 1000), "funder", "F", "funderKind", "CDC", "instrument", "SUBSIDY", "envelope", "E",
                    "status", "COMMITTED", "amount", "1.00", "disbursed", "0.00"));
            row.put("publicMoney", i % 2 == 0);
            rows.add(row);
        }

        // when the commitments report is produced
        byte[] pdf = renderer.render(ReportDefinition.COMMITMENTS, rows, ReportFormat.PDF, Locale.FRANCE, "",
                GENERATED);

        // then every row is in it, over many pages, and the total is exact
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(50);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            String last = lastPage.getText(document).replace('\u202F', ' ').replace('\u00A0', ' ');
            assertThat(last).contains("2 500,00 €", "Public 1 250,00 € · Privé 1 250,00 €");
        }
    }

    @Test
    void shouldReadStreamedRowsAsItLaysThemOutAndCountThemForTheProgress() throws IOException {
        // given 3,000 commitments of 1.00 € that exist only as they are read, the way a database cursor gives them
        int count = ReportRenderer.VIRTUALIZE_ABOVE + 1_000;
        AtomicInteger read = new AtomicInteger();
        List<Integer> readAtProgress = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();
        ReportRows rows = ReportRows.streamed(count, IntStream.range(0, count).mapToObj(i -> {
            read.incrementAndGet();
            Map<String, Object> row = new java.util.HashMap<>(ReportFixtures.row("reference", "CF-" + i,
                    "territory", "T" + (i / 1000), "funder", "F", "funderKind", "CDC", "instrument", "SUBSIDY",
                    "envelope", "E", "status", "COMMITTED", "amount", "1.00", "disbursed", "0.00"));
            row.put("publicMoney", true);
            return row;
        }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when the commitments report is produced in PDF
        renderer.render(ReportDefinition.COMMITMENTS, rows, ReportFormat.PDF, Locale.FRANCE, "", GENERATED,
                Map.of(), out, done -> {
                    progress.add(done);
                    readAtProgress.add(read.get());
                });

        // then the rows were read as they were laid out, not all before, every one of them is in the total
        assertThat(readAtProgress.get(0)).isLessThan(ReportRenderer.PROGRESS_EVERY + 10);
        assertThat(progress).startsWith(1_000, 2_000, 3_000).endsWith(count);
        assertThat(pdfText(out.toByteArray())).contains("Total", "3 000,00 €");
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u202F', ' ').replace('\u00A0', ' ');
        }
    }

    @Test
    void shouldPrintTheLabelsOfCodesInPdfAndXlsxButKeepTheCodesInCsv() throws IOException {
        String pdf = pdfText(renderer.render(ReportDefinition.COMMITMENTS, ReportFixtures.commitments(),
                ReportFormat.PDF, Locale.FRANCE, "", GENERATED));
        String csv = new String(renderer.render(ReportDefinition.COMMITMENTS, ReportFixtures.commitments(),
                ReportFormat.CSV, Locale.FRANCE, "", GENERATED), java.nio.charset.StandardCharsets.UTF_8);
        String audit = pdfText(renderer.render(ReportDefinition.AUDIT, ReportFixtures.audit(), ReportFormat.PDF,
                Locale.UK, "", GENERATED));

        assertThat(pdf).contains("Subvention", "Investisseur privé").doesNotContain("SUBSIDY", "PRIVATE_INVESTOR");
        assertThat(csv).contains("SUBSIDY", "PRIVATE_INVESTOR").doesNotContain("Subvention");
        assertThat(audit).contains("Amendment").doesNotContain("AMEND ");
    }

    @Test
    void shouldSpeakEnglishOnRequest() throws IOException {
        byte[] pdf = renderer.render(ReportDefinition.AUDIT, ReportFixtures.audit(), ReportFormat.PDF, Locale.UK, "",
                GENERATED);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Audit trail", "Author",
                    "500,000,000.00 €");
        }
    }

    static Stream<Arguments> formulas() {
        return Stream.of("=HYPERLINK(\"http://evil.example/\",\"Voir\")", "+33 1 23", "-2+3", "@SUM(A1)",
                "\tcmd", "\rcmd").map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("formulas")
    void shouldNeverLetTextTypedByAUserBecomeASpreadsheetFormulaButKeepNegativeMoneyANumber(String title)
            throws IOException {
        // given a request titled like a formula and an audit row with a negative amount
        List<Map<String, ?>> pipeline = List.of(ReportFixtures.row("reference", "CF-2026-000009", "project", title,
                "territory", "Dijon", "status", "DRAFT", "submitted", null, "ageDays", 0, "eligibleCost",
                "-1500.25", "openTasks", 0, "lateTasks", 0));

        // when it is exported as CSV and XLSX
        String csv = new String(renderer.render(ReportDefinition.PIPELINE, pipeline, ReportFormat.CSV, Locale.FRANCE,
                "", GENERATED), StandardCharsets.UTF_8);
        byte[] xlsx = renderer.render(ReportDefinition.PIPELINE, pipeline, ReportFormat.XLSX, Locale.FRANCE, "",
                GENERATED);

        // then the title is text behind an apostrophe, and the amount a number
        List<String> line = Csv.parse(csv).get(1);
        assertThat(line.get(1)).isEqualTo("'" + title);
        assertThat(line.get(ReportDefinition.PIPELINE.columns().indexOf("eligibleCost"))).isEqualTo("-1500.25");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Cell> cells = new ArrayList<>();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cells::add));
            assertThat(cells).noneMatch(cell -> cell.getCellType() == CellType.FORMULA);
            assertThat(cells).filteredOn(cell -> cell.getCellType() == CellType.STRING)
                    .map(Cell::getStringCellValue)
                    .anySatisfy(text -> assertThat(text).startsWith("'").endsWith(title.substring(1)));
            assertThat(cells).filteredOn(cell -> cell.getCellType() == CellType.NUMERIC)
                    .map(Cell::getNumericCellValue).contains(-1500.25);
        }
    }

    /** RFC 4180 CSV, enough to read our exports back. */
    static final class Csv {
        static List<List<String>> parse(String text) throws IOException {
            List<List<String>> lines = new ArrayList<>();
            StringReader in = new StringReader(text);
            List<String> line = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int c;
            while ((c = in.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            in.reset();
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    line.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n') {
                    line.add(cell.toString());
                    cell.setLength(0);
                    lines.add(line);
                    line = new ArrayList<>();
                } else if (ch != '\r') {
                    cell.append(ch);
                }
            }
            return lines;
        }
    }
}
