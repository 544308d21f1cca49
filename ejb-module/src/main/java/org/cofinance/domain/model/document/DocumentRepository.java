package org.cofinance.domain.model.document;

import java.util.List;
import java.util.Optional;

public interface DocumentRepository {

    /** Stores the description; its bytes are stored beside it, under its id. */
    void add(Document document);

    Optional<Document> find(Long id);

    /** A request's documents, oldest first. */
    List<Document> ofRequest(Long requestId);

    /** Whether the request has a document of that kind (of that tranche, for evidence). */
    boolean exists(Long requestId, DocumentKind kind, Long trancheId);
}
