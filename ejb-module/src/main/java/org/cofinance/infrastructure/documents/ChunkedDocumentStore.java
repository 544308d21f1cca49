package org.cofinance.infrastructure.documents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.cofinance.application.document.DocumentRefusedException;
import org.cofinance.application.document.DocumentStore;

/**
 * The spool is a temporary file, written as the upload is read (counted and hashed on the way, refused past the
 * limit); Tika's default detector reads the type from it — magic bytes, then the zip containers (OpenDocument's
 * {@code mimetype}, Office Open XML's package parts), never the name. The database keeps the bytes in rows of a mebibyte ({@code document_chunk}), as the PostgreSQL driver would
 * read a single {@code bytea} whole into memory.
 */
@ApplicationScoped
public class ChunkedDocumentStore implements DocumentStore {

    static final int CHUNK = 1024 * 1024;
    private static final Detector DETECTOR = new DefaultDetector();

    @PersistenceContext
    private EntityManager em;

    /** A spool on the disk. */
    record FileSpool(Path file, long size, String sha256) implements Spooled {

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("the spool " + file + " could not be deleted", e);
            }
        }
    }

    @Override
    public Spooled spool(InputStream content, long limit) {
        Path file = null;
        try {
            file = Files.createTempFile("cofinance-upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = new DigestInputStream(content, sha256);
                 OutputStream out = Files.newOutputStream(file)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    size += read;
                    if (size > limit) {
                        throw new DocumentRefusedException(DocumentRefusedException.Reason.TOO_LARGE,
                                "a document is at most " + limit + " bytes");
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new FileSpool(file, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | RuntimeException e) {
            delete(file);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException("the upload could not be read", (IOException) e);
        } catch (NoSuchAlgorithmException e) {
            delete(file);
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The bytes alone decide — Tika would let a name refine a generic type, and a plain zip named {@code .docx} would
     * pass for a document; only plain text named {@code .csv} is taken as CSV, which no magic tells from text.
     */
    @Override
    public String detect(Spooled spooled, String name) {
        try (TikaInputStream in = TikaInputStream.get(((FileSpool) spooled).file())) {
            String type = DETECTOR.detect(in, new Metadata()).getBaseType().toString();
            return "text/plain".equals(type) && name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? "text/csv" : type;
        } catch (IOException e) {
            throw new UncheckedIOException("the type of " + name + " could not be read", e);
        }
    }

    @Override
    public void store(Long documentId, Spooled spooled) {
        try (InputStream in = Files.newInputStream(((FileSpool) spooled).file())) {
            int index = 0;
            for (byte[] chunk = in.readNBytes(CHUNK); chunk.length > 0; chunk = in.readNBytes(CHUNK)) {
                em.createNativeQuery("insert into document_chunk (document_id, position, bytes) values (?1, ?2, ?3)")
                        .setParameter(1, documentId).setParameter(2, index++).setParameter(3, chunk)
                        .executeUpdate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the spooled document could not be read back", e);
        }
    }

    @Override
    public int chunks(Long documentId) {
        return ((Number) em.createNativeQuery("select count(*) from document_chunk where document_id = ?1")
                .setParameter(1, documentId).getSingleResult()).intValue();
    }

    @Override
    public byte[] chunk(Long documentId, int index) {
        return (byte[]) em.createNativeQuery("select bytes from document_chunk where document_id = ?1 and position = ?2")
                .setParameter(1, documentId).setParameter(2, index).getSingleResult();
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary directory is cleared by the system; the refusal is what matters
            }
        }
    }
}
