package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void bookKnownMovements() {
        // a request under a signed convention with a paid tranche, and a request only reserved
        JsonNode approved = Demo.contractedRequest("Reports: approved");
        long commitment = LedgerIT.commitmentOn(approved, "AMI-TIGA-SUB").get("id").asLong();
        long disbursement = Api.as("officer").post("/commitments/" + commitment + "/disbursements",
                "{\"amount\": \"1234567.89\", \"evidence\": \"facture\", \"trancheId\": "
                        + Demo.firstTranche(approved) + "}").json().get("id").asLong();
        Api.as("finance").post("/commitments/" + commitment + "/disbursements/" + disbursement + "/validate", null);
        Demo.submittedRequest("Reports: reserved");
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
        assertThat(rows).extracting(r -> r.get("code")).contains("AMI-TIGA", "AMI-TIGA-SUB", "FONDS-IMMO");
    }

    @Test
    void shouldReportBalancesAsTheyStoodAtAnEarlierDate() {
        String yesterday = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1).toString();

        assertThat(csv("/reports/envelope-status?format=csv&at=" + yesterday)).isEmpty();
    }

    @Test
    void shouldReportCommitmentsThatAddUpToTheEnvelopesHoldings() {
        List<Map<String, String>> rows = csv("/reports/commitments?format=csv&envelope=AMI-TIGA");
        JsonNode tiga = Demo.envelope("AMI-TIGA");

        BigDecimal amounts = sum(rows, "amount");
        BigDecimal disbursed = sum(rows, "disbursed");
        assertThat(amounts).isEqualByComparingTo(Demo.money(tiga, "reserved").add(Demo.money(tiga, "committed")));
        assertThat(disbursed).isEqualByComparingTo(Demo.money(tiga, "disbursed"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("envelope")).startsWith("AMI-TIGA"));
        assertThat(rows).extracting(r -> r.get("status")).contains("RESERVED", "DISBURSED");
    }

    @Test
    void shouldReportEveryMovementOfAnEnvelopeInTheAuditTrail() {
        List<Map<String, String>> rows = csv("/reports/audit?format=csv&envelope=FONDS-IMMO");
        JsonNode immo = Demo.envelope("FONDS-IMMO");

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
        List<Map<String, String>> rows = csv("/reports/disbursements?format=csv&envelope=AMI-TIGA");

        assertThat(sum(rows, "paidAmount")).isEqualByComparingTo(Demo.money(Demo.envelope("AMI-TIGA"), "disbursed"));
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
        JsonNode request = Demo.approvedRequest("Sheet");
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
        String reference = Api.as("officer").post("/requests", Demo.balancedRequest(title)).json().get("reference")
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
