package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cofinance.application.opendata.TableSchema;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reports over a known set of movements: their totals equal the ledger to the cent. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-REPORTS");

    /** The envelopes of the known movements, on which nothing else is booked. */
    private static final Envelopes KNOWN = Envelopes.of("IT-REPORTS-KNOWN");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void bookKnownMovements() {
        // a request under a signed convention with a paid tranche, and a request only reserved
        JsonNode approved = Demo.contractedRequest(KNOWN, "Reports: approved");
        long commitment = LedgerIT.commitmentOn(approved, KNOWN.cdcSub()).get("id").asLong();
        long disbursement = Api.as("officer").post("/commitments/" + commitment + "/disbursements",
                "{\"amount\": \"1234567.89\", \"evidence\": \"facture\", \"trancheId\": "
                        + Demo.firstTranche(approved) + "}").json().get("id").asLong();
        Api.as("finance").post("/commitments/" + commitment + "/disbursements/" + disbursement + "/validate", null);
        Demo.submittedRequest(KNOWN, "Reports: reserved");
    }

    @Test
    void shouldReportEveryEnvelopesBalancesExactlyAsTheLedgerHoldsThem() {
        List<Map<String, String>> rows = csv("/reports/envelope-status?format=csv");

        assertThat(rows).isNotEmpty();
        for (Map<String, String> row : rows) {
            JsonNode envelope = Demo.envelope(row.get("code"));
            for (String column : List.of("ceiling", "reserved", "committed", "disbursed", "available")) {
                assertThat(row.get(column)).as(row.get("code") + " " + column)
                        .isEqualTo(envelope.get(column).asText());
            }
        }
        assertThat(rows).extracting(r -> r.get("code")).contains("AMI-TIGA", KNOWN.cdc(), KNOWN.cdcSub(),
                KNOWN.fund());
    }

    @Test
    void shouldReportBalancesAsTheyStoodAtTheEndOfAnEarlierDayAsAnIndependentSumOfTheLedgerSays() throws Exception {
        // given an envelope whose ledger was written on earlier days: opened at 800 000 € three days ago, 300 000 €
        // reserved the day before yesterday at 11:00, voided yesterday at 00:30 (Paris) — which is still the day
        // before in UTC; its row agrees with its entries, so the ledger still reconciles
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDate today = LocalDate.now(paris);
        String code = "IT-PAST-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        long envelope;
        try (Connection db = Sql.connect()) {
            try (PreparedStatement insert = db.prepareStatement("insert into envelope (code, name, "
                    + "owner_organisation_id, ceiling) values (?, 'Enveloppe des jours passés', ?, 800000.00) "
                    + "returning id")) {
                insert.setString(1, code);
                insert.setLong(2, Demo.organisationId("Caisse des Dépôts"));
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    envelope = row.getLong(1);
                }
            }
            entry(db, envelope, "AMEND", "800000.00", today.minusDays(3).atTime(9, 0).atZone(paris));
            entry(db, envelope, "RESERVE", "300000.00", today.minusDays(2).atTime(11, 0).atZone(paris));
            entry(db, envelope, "VOID", "300000.00", today.minusDays(1).atTime(0, 30).atZone(paris));
        }

        // when the envelope's status is reported at the end of each of those days
        // then it is what a sum of its entries up to then says, to the cent, and nothing before it opened
        assertThat(status(code, today.minusDays(4))).isNull();
        for (LocalDate day : List.of(today.minusDays(3), today.minusDays(2), today.minusDays(1))) {
            Map<String, String> row = status(code, day);
            BigDecimal reserved = reservedBySql(envelope, day);
            assertThat(new BigDecimal(row.get("reserved"))).as("reserved on " + day).isEqualTo(reserved);
            assertThat(row.get("ceiling")).isEqualTo("800000.00");
            assertThat(new BigDecimal(row.get("available"))).as("available on " + day)
                    .isEqualTo(new BigDecimal("800000.00").subtract(reserved));
        }
        assertThat(status(code, today.minusDays(2)).get("reserved")).isEqualTo("300000.00");
        assertThat(status(code, today.minusDays(1)).get("reserved")).isEqualTo("0.00");
        assertThat(Api.as("finance").get("/ledger/reconciliation").json().get("consistent").asBoolean()).isTrue();

        // and the PDF and the workbook of the day before yesterday carry the same figures
        String query = "?envelope=" + code + "&at=" + today.minusDays(2);
        try (PDDocument pdf = Loader.loadPDF(Api.as("finance").get("/reports/envelope-status" + query
                + "&format=pdf").bytes())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("[\\u00a0\\u202f]", " ");
            assertThat(text).contains(code, "800 000,00", "300 000,00", "500 000,00");
        }
        assertThat(workbookNumbers(Api.as("finance").get("/reports/envelope-status" + query + "&format=xlsx")
                .bytes())).contains(new BigDecimal("800000"), new BigDecimal("300000"), new BigDecimal("500000"));
    }

    private static void entry(Connection db, long envelope, String kind, String amount, ZonedDateTime at)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("insert into ledger_entry (envelope_id, kind, amount, at, "
                + "author, idempotency_key, reason) values (?, ?, ?, ?, 'admin', ?, 'écrit un jour passé')")) {
            insert.setLong(1, envelope);
            insert.setString(2, kind);
            insert.setBigDecimal(3, new BigDecimal(amount));
            insert.setObject(4, at.toOffsetDateTime());
            insert.setString(5, "past-" + envelope + "-" + kind);
            insert.executeUpdate();
        }
    }

    /** The envelope's row of the envelope-status report at the end of that day, or null when it has none. */
    private static Map<String, String> status(String code, LocalDate day) {
        return csv("/reports/envelope-status?format=csv&envelope=" + code + "&at=" + day).stream()
                .filter(r -> r.get("code").equals(code)).findFirst().orElse(null);
    }

    /** What was reserved on the envelope at the end of that day in Paris, summed by SQL from its entries alone. */
    private static BigDecimal reservedBySql(long envelope, LocalDate day) throws SQLException {
        try (Connection db = Sql.connect(); PreparedStatement sum = db.prepareStatement("select coalesce(sum(case kind "
                + "when 'RESERVE' then amount when 'POST' then -amount when 'VOID' then -amount else 0 end), 0) "
                + "from ledger_entry where envelope_id = ? and at < ((?::date + 1)::timestamp at time zone "
                + "'Europe/Paris')")) {
            sum.setLong(1, envelope);
            sum.setString(2, day.toString());
            try (ResultSet row = sum.executeQuery()) {
                row.next();
                return row.getBigDecimal(1).setScale(2);
            }
        }
    }

    /** Every number of the workbook's sheets (not the shared strings' indexes, nor booleans). */
    private static List<BigDecimal> workbookNumbers(byte[] xlsx) throws java.io.IOException {
        List<BigDecimal> numbers = new ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(xlsx))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("xl/worksheets/")) {
                    java.util.regex.Matcher cell = java.util.regex.Pattern.compile(
                            "<c (?![^>]*t=\"(?:s|str|inlineStr|b|e)\")[^>]*><v>([-0-9.E]+)</v>").matcher(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                    while (cell.find()) {
                        numbers.add(new BigDecimal(cell.group(1)).stripTrailingZeros());
                    }
                }
            }
        }
        return numbers.stream().map(n -> n.scale() < 0 ? n.setScale(0) : n).toList();
    }

    @Test
    void shouldReportCommitmentsThatAddUpToTheEnvelopesHoldings() {
        List<Map<String, String>> rows = csv("/reports/commitments?format=csv&envelope=" + KNOWN.cdc());
        JsonNode tiga = Demo.envelope(KNOWN.cdc());

        BigDecimal amounts = sum(rows, "amount");
        BigDecimal disbursed = sum(rows, "disbursed");
        assertThat(amounts).isEqualByComparingTo(Demo.money(tiga, "reserved").add(Demo.money(tiga, "committed")));
        assertThat(disbursed).isEqualByComparingTo(Demo.money(tiga, "disbursed"));
        assertThat(amounts).isEqualByComparingTo("8000000.00");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("envelope")).isIn(KNOWN.cdc(), KNOWN.cdcSub()));
        assertThat(rows).extracting(r -> r.get("status")).contains("RESERVED", "DISBURSED");
    }

    @Test
    void shouldReportEveryMovementOfAnEnvelopeInTheAuditTrail() {
        List<Map<String, String>> rows = csv("/reports/audit?format=csv&envelope=" + KNOWN.fund());
        JsonNode immo = Demo.envelope(KNOWN.fund());

        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        for (Map<String, String> row : rows) {
            BigDecimal amount = row.get("amount").isEmpty() ? BigDecimal.ZERO : new BigDecimal(row.get("amount"));
            switch (row.get("event")) {
                case "RESERVE" -> reserved = reserved.add(amount);
                case "POST" -> {
                    reserved = reserved.subtract(amount);
                    committed = committed.add(amount);
                }
                case "VOID" -> reserved = reserved.subtract(amount);
                case "RELEASE" -> committed = committed.subtract(amount);
                default -> { }
            }
            assertThat(row.get("author")).isNotEmpty();
        }
        assertThat(reserved).isEqualByComparingTo(Demo.money(immo, "reserved"));
        assertThat(committed).isEqualByComparingTo(Demo.money(immo, "committed"));
        assertThat(rows.get(0).get("event")).isEqualTo("AMEND");
    }

    @Test
    void shouldReportPaidAndDueTranchesThatAddUpToTheLedger() {
        List<Map<String, String>> rows = csv("/reports/disbursements?format=csv&envelope=" + KNOWN.cdc());

        assertThat(sum(rows, "paidAmount")).isEqualByComparingTo(Demo.money(Demo.envelope(KNOWN.cdc()),
                "disbursed")).isEqualByComparingTo("1234567.89");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("quarter")).matches("\\d{4}-T[1-4]"));
    }

    @Test
    void shouldReportEveryRequestOfThePipelineOnceWithItsOpenTasks() {
        List<Map<String, String>> rows = csv("/reports/pipeline?format=csv");
        long requests = Api.as("officer").get("/requests?size=1").json().get("total").asLong();

        assertThat(rows).hasSize((int) requests);
        assertThat(rows).filteredOn(r -> r.get("status").equals("AWAITING_DECISIONS"))
                .allSatisfy(r -> assertThat(Integer.parseInt(r.get("openTasks"))).isPositive());
        assertThat(rows).filteredOn(r -> r.get("status").equals("APPROVED"))
                .allSatisfy(r -> assertThat(r.get("openTasks")).as("the convention to sign").isEqualTo("1"));
        assertThat(rows).filteredOn(r -> List.of("REJECTED", "CANCELLED", "INELIGIBLE", "CLOSED")
                .contains(r.get("status"))).allSatisfy(r -> assertThat(r.get("openTasks")).isEqualTo("0"));
    }

    @Test
    void shouldPrintTheRequestSheetForWhoeverMaySeeTheRequest() throws java.io.IOException {
        JsonNode request = Demo.approvedRequest(ENVELOPES, "Sheet");
        String path = "/requests/" + request.get("id").asLong() + "/sheet?format=pdf";

        Api.Reply sheet = Api.as("investor").get(path);

        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.contentType()).isEqualTo("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(sheet.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace('\u202F', ' ')
                    .replace('\u00A0', ' ');
            assertThat(text).contains("Fiche d'engagement", request.get("reference").asText(),
                    "Plan de financement", "Décisions des financeurs", "Engagements", "12 000 000,00 €",
                    "6 000 000,00 € (50,0 %)");
        }
        assertThat(Api.as("metropole").get(path).status()).isEqualTo(404);
        assertThat(Api.as("finance").get(path).status()).isEqualTo(200);
        assertThat(Api.as("finance").get("/requests/" + request.get("id").asLong() + "/sheet?format=csv")
                .status()).isEqualTo(400);
    }

    @Test
    void shouldExportEachReportInEachFormat() {
        for (String report : List.of("envelope-status", "commitments", "pipeline", "disbursements", "audit")) {
            Api.Reply pdf = Api.as("finance").get("/reports/" + report + "?format=pdf");
            Api.Reply xlsx = Api.as("finance").get("/reports/" + report + "?format=xlsx&lang=en");
            assertThat(pdf.status()).as(report).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(xlsx.status()).as(report).isEqualTo(200);
            assertThat(xlsx.contentType())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
    }

    @Test
    void shouldNeverExportARequestTitleAsASpreadsheetFormula() throws java.io.IOException {
        // given a request titled like a formula
        String title = "=HYPERLINK(A1)";
        String reference = Api.as("officer").post("/requests", Demo.balancedRequest(ENVELOPES, title)).json().get("reference")
                .asText();

        // when the pipeline is exported as CSV and XLSX
        String csv = Api.as("admin").get("/reports/pipeline?format=csv").body();
        byte[] xlsx = Api.as("admin").get("/reports/pipeline?format=xlsx").bytes();

        // then the title is text behind an apostrophe in both, and the workbook holds no formula
        assertThat(csv.lines().filter(l -> l.startsWith(reference + ","))).singleElement()
                .satisfies(line -> assertThat(line).contains(",'" + title + ","));
        StringBuilder strings = new StringBuilder();
        boolean formula = false;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(xlsx))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    strings.append(xml);
                }
                if (entry.getName().startsWith("xl/worksheets/")) {
                    formula |= xml.contains("<f>") || xml.contains("<f ");
                }
            }
        }
        assertThat(strings.toString().replace("&apos;", "'")).contains("'" + title);
        assertThat(formula).as("a formula cell").isFalse();
    }

    @Test
    void shouldProduceAReportInTheBackgroundAndFollowItsProgressToTheDownload() throws SQLException {
        // when finance asks for the audit trail to be produced in the background
        Api.Reply started = Api.as("finance").post("/reports/audit/exports?format=csv", null);

        // then it is accepted at once, and can be followed until done
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).contains("/cofinance/api/reports/exports/"));
        String id = started.json().get("id").asText();
        JsonNode done = org.awaitility.Awaitility.await().atMost(60, java.util.concurrent.TimeUnit.SECONDS)
                .pollInterval(200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .until(() -> Api.as("finance").get("/reports/exports/" + id).json(),
                        status -> !status.get("status").asText().matches("QUEUED|RUNNING"));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("rowsDone").asInt()).isEqualTo(done.get("rowsTotal").asInt()).isPositive();

        // and its content is the report itself, for its requester and the administrators only
        Api.Reply content = Api.as("finance").get("/reports/exports/" + id + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(Api.as("finance").get("/reports/audit?format=csv").body());
        assertThat(Api.as("admin").get("/reports/exports/" + id).status()).isEqualTo(200);
        assertThat(Api.as("officer").get("/reports/exports/" + id).status()).isEqualTo(403);
        assertThat(Api.as("finance").get("/reports/exports/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);

        // and another member of finance, who did not ask for it, does not even learn that it exists
        String colleague = anotherFinanceUser();
        assertThat(Api.withPassword(colleague, "colleague-password").get("/reports/exports/" + id).status())
                .isEqualTo(404);
        assertThat(Api.withPassword(colleague, "colleague-password").get("/reports/exports/" + id + "/content")
                .status()).isEqualTo(404);
    }

    /** A FINANCE user of the CDC besides the demo's, written in the store for this test. */
    private static String anotherFinanceUser() throws SQLException {
        return Sql.insertUser("finance", "colleague-password", "FINANCE", "CDC");
    }

    @Test
    void shouldServeReportsToFinanceAndAdministratorsOnly() {
        assertThat(Api.as("admin").get("/reports/commitments?format=csv").status()).isEqualTo(200);
        for (String user : List.of("officer", "cdc", "investor")) {
            assertThat(Api.as(user).get("/reports/commitments?format=csv").status()).as(user).isEqualTo(403);
        }
        assertThat(Api.anonymous().get("/reports/commitments?format=csv").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseBadReportParameters() {
        assertThat(Api.as("finance").get("/reports/commitments?format=doc").status()).isEqualTo(400);
        Api.Reply badDate = Api.as("finance").get("/reports/envelope-status?at=26/11/2026");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asText()).isEqualTo("at");
        assertThat(Api.as("finance").get("/reports/no-such-report").status()).isEqualTo(404);
    }

    private static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> r.get(column)).filter(v -> !v.isEmpty()).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The CSV rows by header name, as the administrator reads them (every organisation's); our exports quote only
     * cells with a comma, a quote or a line break.
     */
    static List<Map<String, String>> csv(String path) {
        Api.Reply reply = Api.as("admin").get(path);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/csv");
        List<String> lines = reply.body().lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = TableSchema.parse(line).get(0);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
