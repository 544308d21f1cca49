package org.cofinance.application.document;

import java.io.Serializable;
import java.time.Instant;
import org.cofinance.domain.model.document.Document;

/** A document as the API and the pages show it. */
public record DocumentView(Long id, Long requestId, String kind, String name, String contentType, long size,
                           String sha256, String uploadedBy, Instant uploadedAt, Long trancheId)
        implements Serializable {

    public static DocumentView of(Document d) {
        return new DocumentView(d.id(), d.requestId(), d.kind().name(), d.name(), d.contentType(), d.size(),
                d.sha256(), d.uploadedBy(), d.uploadedAt(), d.trancheId());
    }
}
