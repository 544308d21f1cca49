package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Documents through the API on PostgreSQL: uploaded as multipart, their type read from the bytes, stored in chunks and
 * downloaded identical; everything a client could get wrong refused with nothing stored; only whoever may read the
 * request reads them; 50 MB moved in and out with the digests matching.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentsIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-DOCUMENTS");

    private static final long LIMIT = 20L * 1024 * 1024;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static Api.Reply upload(String user, long requestId, Multipart body) {
        return Api.as(user).post("/requests/" + requestId + "/documents", body.sized(), false, "Content-Type",
                body.contentType());
    }

    @Test
    void shouldKeepAPdfAndGiveItBackIdenticalToWhoeverMayReadTheRequest() throws Exception {
        // given a request awaiting the CDC's decision, and a PDF with an accented name
        long id = Demo.submittedRequest(ENVELOPES, "Dossier de projet");
        byte[] pdf = pdf();

        // when the officer uploads it as the project file, sending a wrong type in the part's header
        Api.Reply created = upload("officer", id, new Multipart().field("kind", "PROJECT")
                .file("Dossier « résidence ».pdf", "image/gif", pdf));

        // then it is kept as a PDF, with its size and digest
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode document = created.json();
        assertThat(document.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("kind").asText()).isEqualTo("PROJECT");
        assertThat(document.get("name").asText()).isEqualTo("Dossier « résidence ».pdf");
        assertThat(document.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(document.get("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(document.get("uploadedBy").asText()).isEqualTo("officer");
        assertThat(Api.as("cdc").get("/requests/" + id + "/documents").json().get("items"))
                .extracting(d -> d.get("id").asLong()).containsExactly(document.get("id").asLong());

        // and the CDC's approver downloads it identical, as an attachment never sniffed nor cached
        Api.Reply content = Api.as("cdc").get("/documents/" + document.get("id").asLong() + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.bytes()).isEqualTo(pdf);
        assertThat(content.contentType()).isEqualTo("application/pdf");
        assertThat(content.raw().headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo(
                "attachment; filename=\"Dossier _ r_sidence _.pdf\"; "
                        + "filename*=UTF-8''Dossier%20%C2%AB%20r%C3%A9sidence%20%C2%BB.pdf");
        assertThat(content.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(content.raw().headers().firstValue("Cache-Control")).contains("no-store");

        // and an organisation that has no part in it reads neither the list nor the file
        assertThat(Api.as("metropole").get("/requests/" + id + "/documents").status()).isEqualTo(404);
        assertThat(Api.as("metropole").get("/documents/" + document.get("id").asLong() + "/content").status())
                .isEqualTo(404);
        assertThat(upload("cdc", id, new Multipart().field("kind", "OTHER").file("a.pdf", "application/pdf", pdf))
                .status()).as("an approver uploads nothing").isEqualTo(403);
    }

    @Test
    void shouldRefuseWhatAClientGetsWrongAndStoreNothing() throws Exception {
        // given a contracted request, and another one's tranche
        JsonNode contracted = Demo.contractedRequest(ENVELOPES, "Pièces refusées");
        long id = contracted.get("id").asLong();
        long ownTranche = Demo.firstTranche(contracted);
        long otherTranche = Demo.firstTranche(Demo.contractedRequest(ENVELOPES, "Autre convention"));
        byte[] pdf = pdf();
        byte[] program = new byte[4096];
        program[0] = 'M';
        program[1] = 'Z';
        long before = count("select count(*) from document") + count("select count(*) from document_chunk");

        // when the officer sends a program named as a PDF, an empty file, no kind, a tranche of another request,
        // evidence without its tranche, a name of 500 characters, no file at all, or a body declared too large (the
        // application answers from its Content-Length, the server then drains what the client still sends)
        Api.Reply program415 = upload("officer", id, new Multipart().field("kind", "OTHER")
                .file("preuve.pdf", "application/pdf", program));
        Api.Reply empty = upload("officer", id, new Multipart().field("kind", "OTHER")
                .file("vide.pdf", "application/pdf", new byte[0]));
        Api.Reply noKind = upload("officer", id, new Multipart().file("a.pdf", "application/pdf", pdf));
        Api.Reply foreignTranche = upload("officer", id, new Multipart().field("kind", "EVIDENCE")
                .field("trancheId", String.valueOf(otherTranche)).file("a.pdf", "application/pdf", pdf));
        Api.Reply evidenceAlone = upload("officer", id, new Multipart().field("kind", "EVIDENCE")
                .file("a.pdf", "application/pdf", pdf));
        Api.Reply longName = upload("officer", id, new Multipart().field("kind", "OTHER")
                .file("n".repeat(496) + ".pdf", "application/pdf", pdf));
        Api.Reply noFile = upload("officer", id, new Multipart().field("kind", "OTHER"));
        Multipart huge = new Multipart().field("kind", "OTHER").file("gros.pdf", "application/pdf",
                () -> new GeneratedPdf(LIMIT + 512 * 1024, 7), LIMIT + 512 * 1024);
        Api.Reply declaredTooLarge = Api.as("officer").post("/requests/" + id + "/documents", huge.sized(), false,
                "Content-Type", huge.contentType());

        // then each is refused, naming the part, and nothing is stored
        assertThat(program415.status()).as(program415.body()).isEqualTo(415);
        assertThat(program415.contentType()).startsWith("application/problem+json");
        assertThat(field(empty)).isEqualTo("file");
        assertThat(field(noKind)).isEqualTo("kind");
        assertThat(field(foreignTranche)).isEqualTo("trancheId");
        assertThat(field(evidenceAlone)).isEqualTo("trancheId");
        assertThat(field(longName)).isEqualTo("file");
        assertThat(field(noFile)).isEqualTo("file");
        assertThat(declaredTooLarge.status()).as(declaredTooLarge.body()).isEqualTo(413);
        assertThat(declaredTooLarge.contentType()).startsWith("application/problem+json");
        assertThat(count("select count(*) from document") + count("select count(*) from document_chunk"))
                .isEqualTo(before);

        // and the evidence of its own tranche is taken
        assertThat(upload("officer", id, new Multipart().field("kind", "EVIDENCE")
                .field("trancheId", String.valueOf(ownTranche)).file("pv.pdf", "application/pdf", pdf)).status())
                .isEqualTo(201);
    }

    @Test
    void shouldSignTheConventionAndRecordTheEvidenceOnlyOnceTheirDocumentsAreKept() {
        // given an approved request without any document
        long id = Demo.approvedRequest(ENVELOPES, "Pièces exigées").get("id").asLong();

        // when the officer signs the convention without its signed copy
        Api.Reply unsigned = complete(id, org.cofinance.bpmn.FundingRequestProcess.SIGN_CONVENTION);

        // then it is refused, the task still open; with the copy kept it goes through
        assertThat(unsigned.status()).isEqualTo(409);
        assertThat(unsigned.json().get("type").asText()).endsWith("/document-required");
        assertThat(Api.as("officer").get("/requests/" + id).json().get("status").asText()).isEqualTo("APPROVED");
        Demo.upload(id, "CONVENTION_SIGNED", null);
        assertThat(complete(id, org.cofinance.bpmn.FundingRequestProcess.SIGN_CONVENTION).status()).isEqualTo(204);

        // and the first milestone's evidence needs an EVIDENCE document of that very tranche
        JsonNode contracted = Api.as("officer").get("/requests/" + id).json();
        long first = contracted.get("tranches").get(0).get("id").asLong();
        long second = contracted.get("tranches").get(1).get("id").asLong();
        Demo.upload(id, "EVIDENCE", second);
        assertThat(complete(id, org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE).status()).isEqualTo(409);
        Demo.upload(id, "EVIDENCE", first);
        assertThat(complete(id, org.cofinance.bpmn.FundingRequestProcess.RECORD_EVIDENCE).status()).isEqualTo(204);
    }

    @Test
    void shouldGenerateTheConventionFromTheApprovedPlanInFrenchAndNotBefore() throws Exception {
        // given a request its funders still decide, and an approved one
        long deciding = Demo.submittedRequest(ENVELOPES, "Convention pas encore");
        JsonNode approved = Demo.approvedRequest(ENVELOPES, "Convention générée");

        // when its convention is asked
        Api.Reply early = Api.as("officer").get("/requests/" + deciding + "/convention?format=pdf");
        Api.Reply pdf = Api.as("investor").get("/requests/" + approved.get("id").asLong() + "/convention?format=pdf");

        // then none before the approval; after it, the reference, the parties, the plan, the schedule, the
        // commitments and a signature block per party, read back from the PDF
        assertThat(early.status()).isEqualTo(409);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.bytes())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u202F', ' ')
                    .replace('\u00A0', ' ');
            assertThat(text).contains("Convention de financement", approved.get("reference").asText(),
                    "Convention générée", "Les parties", "Caisse des Dépôts", "Fonds Résidence", "Région",
                    "Agrinova SAS", "Porteur du projet", "4 000 000,00 €", "3 000 000,00 €", "2 000 000,00 €",
                    "12 000 000,00 €", "À la signature", "30,00 %", "Engagements de chaque financeur",
                    "Pour Agrinova SAS", "Signature");
        }
        assertThat(Api.as("metropole").get("/requests/" + approved.get("id").asLong() + "/convention").status())
                .isEqualTo(404);
    }

    /** The officer's plain answer on the request's task of that type, without keeping any document first. */
    private static Api.Reply complete(long requestId, String taskType) {
        for (JsonNode task : Api.as("officer").get("/tasks?requestId=" + requestId).json().get("items")) {
            if (task.get("taskType").asText().equals(taskType)) {
                return Api.as("officer").post("/tasks/" + task.get("id").asText() + "/complete",
                        "{\"decision\":\"APPROVE\",\"comment\":\"Procès-verbal signé\"}");
            }
        }
        throw new IllegalStateException("no " + taskType + " task on request " + requestId);
    }

    @Test
    void shouldMoveFiftyMegabytesInAndOutWithTheDigestsMatchingAndTheHeapNeverHoldingThem() throws Exception {
        long id = Demo.submittedRequest(ENVELOPES, "Gros dossier");
        long heapBefore = ServerHeap.usedAfterCollection();
        long moved = 0;
        for (int i = 0; i < 3; i++) {
            long size = LIMIT - 3 * 1024 * 1024 + i;
            long seed = i;
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Api.Reply created = upload("officer", id, new Multipart().field("kind", "BUDGET")
                    .file("budget-" + i + ".pdf", "application/pdf",
                            () -> new DigestInputStream(new GeneratedPdf(size, seed), digest), size));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String expected = HexFormat.of().formatHex(digest.digest());
            assertThat(created.json().get("sha256").asText()).isEqualTo(expected);
            assertThat(created.json().get("size").asLong()).isEqualTo(size);

            // downloaded as a stream, hashed as it comes
            HttpResponse<InputStream> download = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(
                            Api.BASE + "/documents/" + created.json().get("id").asLong() + "/content"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "officer:officer".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(download.body(), received)) {
                moved += size + in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(expected);
        }
        assertThat(moved).isGreaterThan(50L * 1000 * 1000);
        // the documents went through the heap a chunk at a time: what stays is far below what moved
        long growth = ServerHeap.usedAfterCollection() - heapBefore;
        assertThat(growth).as("heap growth after moving " + moved + " bytes").isLessThan(moved / 10);
    }

    private static String field(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return reply.json().get("errors").get(0).get("field").asText();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = Sql.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** {@code size} bytes that read as a PDF (its header, then seeded noise), made as they are read. */
    static final class GeneratedPdf extends InputStream {

        private static final byte[] HEADER = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private final SplittableRandom random;
        private long position;

        GeneratedPdf(long size, long seed) {
            this.size = size;
            this.random = new SplittableRandom(seed);
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            int b = position < HEADER.length ? HEADER[(int) position] : random.nextInt(256);
            position++;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
