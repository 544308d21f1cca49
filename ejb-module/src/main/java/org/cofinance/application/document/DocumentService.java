package org.cofinance.application.document;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.document.Document;
import org.cofinance.domain.model.document.DocumentKind;
import org.cofinance.domain.model.document.DocumentRepository;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/**
 * Uploads, lists and serves a request's documents. An upload reads the file once into a spool outside any
 * transaction (the size limit enforced as it streams, the SHA-256 computed on the way), then checks it, reads its type
 * from the bytes and records it with its bytes in one short transaction. Whoever may read the request may read its documents; the
 * officers upload them.
 */
@Stateless
public class DocumentService {

    /** The types kept: PDF, PNG, JPEG, OpenDocument, Office Open XML and CSV. */
    static boolean isAccepted(String contentType) {
        return contentType.equals("application/pdf") || contentType.equals("image/png")
                || contentType.equals("image/jpeg") || contentType.equals("text/csv")
                || contentType.startsWith("application/vnd.oasis.opendocument.")
                || contentType.startsWith("application/vnd.openxmlformats-officedocument.");
    }

    /** The largest document kept, in bytes ({@code -Dcofinance.documents.max-bytes}, 20 MiB by default). */
    public static long maxBytes() {
        return Long.getLong("cofinance.documents.max-bytes", 20L * 1024 * 1024);
    }

    private final DocumentRepository documents;
    private final FundingRequestRepository requests;
    private final DocumentStore store;
    private final DocumentRegistry registry;
    private final Callers callers;
    private final Clock clock;

    /** This service through its container, so that {@link #keep} runs in a transaction of its own. */
    @EJB
    private DocumentService self;

    @Inject
    public DocumentService(DocumentRepository documents, FundingRequestRepository requests, DocumentStore store,
                           DocumentRegistry registry, Callers callers, Clock clock) {
        this.documents = documents;
        this.requests = requests;
        this.store = store;
        this.registry = registry;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected DocumentService() {
        this(null, null, null, null, null, null);
    }

    /**
     * Keeps a document of a request the caller may see: {@link #checkUpload}, {@link #receive}, {@link #keep}.
     *
     * @throws ValidationException      naming {@code kind}, {@code trancheId} or {@code file}; nothing stored
     * @throws DocumentRefusedException too large or of a type not kept; nothing stored
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DocumentView upload(Long requestId, NewDocument upload) {
        checkUpload(requestId);
        Received file = upload.content() == null ? null : receive(upload.fileName(), upload.content());
        return self.keep(requestId, upload.kind(), upload.trancheId(), file);
    }

    /** Whether the caller may upload to the request (an officer who sees it), before any byte is read. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void checkUpload(Long requestId) {
        visibleRequest(callers.current().require(Role.OFFICER), requestId);
    }

    /** A file read into the spool, kept or discarded by {@link #keep}. */
    public record Received(String name, DocumentStore.Spooled bytes) implements AutoCloseable {

        @Override
        public void close() {
            bytes.close();
        }
    }

    /**
     * Reads a file into the spool as it streams, counting and hashing it.
     *
     * @throws DocumentRefusedException past the limit, the bytes read so far deleted
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Received receive(String fileName, InputStream content) {
        callers.current().require(Role.OFFICER);
        return new Received(fileName, store.spool(content, maxBytes()));
    }

    /**
     * Keeps a received file as a document of the request (the spool deleted whatever happens).
     *
     * @throws ValidationException      naming {@code kind}, {@code trancheId} or {@code file} (none received, empty, a
     *                                  name without characters or too long); nothing stored
     * @throws DocumentRefusedException of a type not kept; nothing stored
     */
    public DocumentView keep(Long requestId, String typedKind, String typedTranche, Received file) {
        try (Received received = file) {
            Caller caller = callers.current().require(Role.OFFICER);
            FundingRequest request = visibleRequest(caller, requestId);
            List<Violation> violations = new ArrayList<>();
            DocumentKind kind = null;
            if (typedKind == null || typedKind.isBlank()) {
                violations.add(new Violation("kind", "is required"));
            } else {
                kind = Inputs.parseEnum(DocumentKind.class, typedKind.strip(), "kind", violations);
            }
            Long trancheId = trancheOf(request, typedTranche, violations);
            if (kind != null) {
                violations.addAll(Document.violationsOf(kind, trancheId));
            }
            if (received == null) {
                violations.add(new Violation("file", "is required: the multipart has no file part"));
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            String name = Document.keptName(received.name());
            if (received.bytes().size() == 0) {
                throw ValidationException.of("file", "is empty");
            }
            String type = store.detect(received.bytes(), name);
            if (!isAccepted(type)) {
                throw new DocumentRefusedException(DocumentRefusedException.Reason.UNSUPPORTED_TYPE, "a file of type "
                        + type + " is not kept: PDF, PNG, JPEG, OpenDocument, Office Open XML and CSV are");
            }
            Document document = new Document(requestId, kind, trancheId, name, type, received.bytes().size(),
                    received.bytes().sha256(), caller.username(), clock.instant());
            return DocumentView.of(registry.record(document, received.bytes()));
        }
    }

    private static Long trancheOf(FundingRequest request, String typed, List<Violation> violations) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            Long trancheId = Long.valueOf(typed.strip());
            if (request.tranches().stream().noneMatch(t -> t.id().equals(trancheId))) {
                violations.add(new Violation("trancheId", "is not a tranche of request " + request.reference()));
            }
            return trancheId;
        } catch (NumberFormatException e) {
            violations.add(new Violation("trancheId", "is a tranche's id"));
            return null;
        }
    }

    public List<DocumentView> ofRequest(Long requestId) {
        visibleRequest(callers.current(), requestId);
        return documents.ofRequest(requestId).stream().map(DocumentView::of).toList();
    }

    /** A document of a request the caller may see, and how many chunks its bytes are read in. */
    public record Download(DocumentView document, int chunks) {
    }

    public Download download(Long documentId) {
        Document document = visibleDocument(documentId);
        return new Download(DocumentView.of(document), store.chunks(documentId));
    }

    /** One chunk of a document's bytes, to whoever may read its request. */
    public byte[] chunk(Long documentId, int index) {
        visibleDocument(documentId);
        return store.chunk(documentId, index);
    }

    private Document visibleDocument(Long documentId) {
        Document document = documents.find(documentId)
                .orElseThrow(() -> new NotFoundException("no document " + documentId));
        Caller caller = callers.current();
        if (requests.find(document.requestId()).filter(caller::sees).isEmpty()) {
            throw new NotFoundException("no document " + documentId);
        }
        return document;
    }

    private FundingRequest visibleRequest(Caller caller, Long requestId) {
        FundingRequest request = requests.find(requestId)
                .orElseThrow(() -> new NotFoundException("no request " + requestId));
        if (!caller.sees(request)) {
            throw new NotFoundException("no request " + requestId);
        }
        return request;
    }
}
