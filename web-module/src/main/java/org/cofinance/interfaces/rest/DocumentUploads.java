package org.cofinance.interfaces.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.cofinance.application.document.DocumentRefusedException;
import org.cofinance.application.document.DocumentService;
import org.cofinance.application.document.DocumentView;
import org.cofinance.domain.model.shared.ValidationException;

/**
 * Reads a document's multipart upload as it streams: refused from its {@code Content-Length} before the body is read
 * when it declares more than the limit allows, otherwise refused as the file part streams past it (the listener's
 * {@code max-post-size} bounds the body besides). The file part goes straight into the service's spool; the small
 * fields ({@code kind}, {@code trancheId}) may come before or after it.
 */
final class DocumentUploads {

    /** What a multipart adds around the file: its boundaries, part headers and the small fields. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    private static final int MAX_FIELD = 100;

    private DocumentUploads() {
    }

    static DocumentView read(HttpServletRequest http, long requestId, DocumentService documents) {
        documents.checkUpload(requestId);
        long limit = DocumentService.maxBytes();
        if (http.getContentLengthLong() > limit + MULTIPART_OVERHEAD) {
            throw new DocumentRefusedException(DocumentRefusedException.Reason.TOO_LARGE,
                    "a document is at most " + limit + " bytes");
        }
        String kind = null;
        String trancheId = null;
        DocumentService.Received file = null;
        try {
            MultipartReader multipart = MultipartReader.of(http.getContentType(), http.getInputStream(),
                    limit + MULTIPART_OVERHEAD);
            for (MultipartReader.Part part = multipart.next(); part != null; part = multipart.next()) {
                if ("file".equals(part.name()) && part.fileName() != null) {
                    if (file != null) {
                        throw ValidationException.of("file", "one file per upload");
                    }
                    file = documents.receive(part.fileName(), part.content());
                } else if ("kind".equals(part.name())) {
                    kind = part.text(MAX_FIELD);
                } else if ("trancheId".equals(part.name())) {
                    trancheId = part.text(MAX_FIELD);
                }
            }
        } catch (IOException e) {
            close(file);
            throw ValidationException.of("file", "the multipart body could not be read");
        } catch (RuntimeException e) {
            close(file);
            throw e;
        }
        return documents.keep(requestId, kind, trancheId, file);
    }

    private static void close(DocumentService.Received file) {
        if (file != null) {
            file.close();
        }
    }
}
