package org.cofinance.application.document;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.cofinance.domain.model.document.Document;
import org.cofinance.domain.model.document.DocumentRepository;

/** Records a document and stores its spooled bytes, in one transaction: both or neither. */
@Stateless
public class DocumentRegistry {

    private final DocumentRepository documents;
    private final DocumentStore store;

    @Inject
    public DocumentRegistry(DocumentRepository documents, DocumentStore store) {
        this.documents = documents;
        this.store = store;
    }

    /** For the container's proxies only. */
    protected DocumentRegistry() {
        this(null, null);
    }

    public Document record(Document document, DocumentStore.Spooled bytes) {
        documents.add(document);
        store.store(document.id(), bytes);
        return document;
    }
}
