package org.cofinance.infrastructure.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.cofinance.application.document.DocumentRefusedException;
import org.cofinance.application.document.DocumentStore;
import org.junit.jupiter.api.Test;

/**
 * The spool and the detector on real files: each type read from its bytes — the zip containers of OpenDocument and
 * Office Open XML told apart —, a name that lies never believed, the limit enforced as the bytes stream.
 */
class ChunkedDocumentStoreTest {

    private final ChunkedDocumentStore store = new ChunkedDocumentStore();

    private String typeOf(byte[] bytes, String name) {
        try (DocumentStore.Spooled spooled = store.spool(new ByteArrayInputStream(bytes), 1_000_000)) {
            return store.detect(spooled, name);
        }
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
                + "/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] image(String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    /** An OpenDocument text: its {@code mimetype} entry first and stored, then its manifest and content. */
    static byte[] odt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            entry(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest="
                    + "\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry "
                    + "manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "</manifest:manifest>");
            entry(zip, "content.xml", "<?xml version=\"1.0\"?><office:document-content xmlns:office="
                    + "\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        }
        return bytes.toByteArray();
    }

    /** An Office Open XML package: its content types, its relationships and its main part. */
    static byte[] ooxml(String mainPart, String contentType) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
                    + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
                    + "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/" + mainPart
                    + "\" ContentType=\"" + contentType + "\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns="
                    + "\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
                    + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"" + mainPart + "\"/></Relationships>");
            entry(zip, mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root/>");
        }
        return bytes.toByteArray();
    }

    static byte[] docx() throws IOException {
        return ooxml("word/document.xml",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void shouldReadEachKeptTypeFromItsBytes() throws IOException {
        assertThat(typeOf(pdf(), "convention.pdf")).isEqualTo("application/pdf");
        assertThat(typeOf(image("png"), "plan.png")).isEqualTo("image/png");
        assertThat(typeOf(image("jpg"), "photo.jpg")).isEqualTo("image/jpeg");
        assertThat(typeOf(odt(), "budget.odt")).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(typeOf(docx(), "projet.docx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(typeOf(ooxml("xl/workbook.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"), "budget.xlsx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(typeOf("poste,montant\nétudes,1200.50\n".getBytes(StandardCharsets.UTF_8), "budget.csv"))
                .isEqualTo("text/csv");
    }

    @Test
    void shouldBelieveTheBytesNotTheName() throws IOException {
        // a program, a web page and a plain zip named as kept types; an OpenDocument named as a PDF
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        assertThat(typeOf(program, "preuve.pdf")).isNotEqualTo("application/pdf");
        assertThat(typeOf("<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
                "budget.csv")).isEqualTo("text/html");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            entry(zip, "a.txt", "a");
        }
        assertThat(typeOf(zipped.toByteArray(), "projet.docx")).isEqualTo("application/zip");
        assertThat(typeOf(odt(), "convention.pdf")).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(typeOf(pdf(), "photo.png")).isEqualTo("application/pdf");
    }

    @Test
    void shouldCountAndHashWhileSpoolingAndRefuseOneByteOverTheLimit() throws Exception {
        byte[] bytes = new byte[3 * 64 * 1024 + 7];
        bytes[5] = 42;
        try (DocumentStore.Spooled spooled = store.spool(new ByteArrayInputStream(bytes), bytes.length)) {
            assertThat(spooled.size()).isEqualTo(bytes.length);
            assertThat(spooled.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes)));
            assertThat(Files.exists(((ChunkedDocumentStore.FileSpool) spooled).file())).isTrue();
        }
        long before = spools();
        assertThatThrownBy(() -> store.spool(new ByteArrayInputStream(bytes), bytes.length - 1))
                .isInstanceOfSatisfying(DocumentRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(DocumentRefusedException.Reason.TOO_LARGE));
        assertThat(spools()).as("the refused spool is deleted").isEqualTo(before);
    }

    private static long spools() throws IOException {
        try (var files = Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("cofinance-upload-")).count();
        }
    }
}
