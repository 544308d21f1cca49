package org.cofinance.application.document;

import java.io.InputStream;

/**
 * Where a document's bytes go: first a spool outside any transaction (read once, counted, hashed, never whole in
 * memory), where their type is read; then the database, in chunks, in the transaction that records the document;
 * read back chunk by chunk.
 */
public interface DocumentStore {

    /** Bytes read into the spool: their size and SHA-256; closing it deletes them. */
    interface Spooled extends AutoCloseable {

        long size();

        String sha256();

        @Override
        void close();
    }

    /**
     * Reads the content into a spool, refusing it as soon as it goes beyond {@code limit} bytes.
     *
     * @throws DocumentRefusedException TOO_LARGE, the spool deleted
     */
    Spooled spool(InputStream content, long limit);

    /** The content type read from the bytes, never from the name (plain text named {@code .csv} is CSV). */
    String detect(Spooled spooled, String name);

    /** Writes the spooled bytes as the document's, in the current transaction. */
    void store(Long documentId, Spooled spooled);

    /** How many chunks the document's bytes were stored in. */
    int chunks(Long documentId);

    /** The bytes of one chunk, from 0. */
    byte[] chunk(Long documentId, int index);
}
