package org.cofinance.application.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cofinance.application.support.SignedIn.as;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.TestIds;
import org.cofinance.domain.model.document.Document;
import org.cofinance.domain.model.document.DocumentKind;
import org.cofinance.domain.model.document.DocumentRepository;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request's documents: kept for an officer who sees the request, each mistake of the upload named and nothing
 * stored, the type read from the bytes and only the accepted ones kept; read back by whoever may see the request.
 */
class DocumentServiceTest {

    /** The documents recorded, numbered as the database would. */
    private static final class Recorded implements DocumentRepository {
        private final List<Document> documents = new ArrayList<>();

        @Override
        public void add(Document document) {
            documents.add(TestIds.withId(document, 100L + documents.size()));
        }

        @Override
        public Optional<Document> find(Long id) {
            return documents.stream().filter(d -> d.id().equals(id)).findFirst();
        }

        @Override
        public List<Document> ofRequest(Long requestId) {
            return documents.stream().filter(d -> d.requestId().equals(requestId)).toList();
        }

        @Override
        public boolean exists(Long requestId, DocumentKind kind, Long trancheId) {
            return documents.stream().anyMatch(d -> d.requestId().equals(requestId) && d.kind() == kind);
        }
    }

    /** Bytes in memory, their type as the test says the bytes read, stored in chunks of 4 bytes. */
    private static final class MemoryStore implements DocumentStore {
        private final Map<Long, byte[]> stored = new HashMap<>();
        private final List<Spool> spools = new ArrayList<>();
        private String detected = "application/pdf";
        private long limitAsked;

        private static final class Spool implements Spooled {
            private final byte[] bytes;
            private boolean closed;

            Spool(byte[] bytes) {
                this.bytes = bytes;
            }

            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public String sha256() {
                return "f".repeat(64);
            }

            @Override
            public void close() {
                closed = true;
            }
        }

        @Override
        public Spooled spool(InputStream content, long limit) {
            limitAsked = limit;
            try {
                Spool spool = new Spool(content.readAllBytes());
                spools.add(spool);
                return spool;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String detect(Spooled spooled, String name) {
            return detected;
        }

        @Override
        public void store(Long documentId, Spooled spooled) {
            stored.put(documentId, ((Spool) spooled).bytes);
        }

        @Override
        public int chunks(Long documentId) {
            return (stored.get(documentId).length + 3) / 4;
        }

        @Override
        public byte[] chunk(Long documentId, int index) {
            byte[] all = stored.get(documentId);
            return java.util.Arrays.copyOfRange(all, index * 4, Math.min(all.length, index * 4 + 4));
        }
    }

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryUsers users = new InMemoryUsers();
    private final Recorded documents = new Recorded();
    private final MemoryStore store = new MemoryStore();
    private final DocumentService service = new DocumentService(documents, world.requests, store,
            new DocumentRegistry(documents, store), new Callers(users), world.clock);
    private FundingRequest request;

    @BeforeEach
    void given() {
        users.add(new AppUser("officer", "hash", "officer", null, null, Set.of(Role.OFFICER)));
        users.add(new AppUser("cdc", "hash", "cdc", null, world.cdc.id(), Set.of(Role.APPROVER)));
        users.add(new AppUser("stranger", "hash", "stranger", null, 99L, Set.of(Role.APPROVER)));
        request = world.requestInInstruction(100, 200);
    }

    private DocumentService.Received received(String name, String content) {
        return as("officer", () -> service.receive(name, new ByteArrayInputStream(content.getBytes(
                StandardCharsets.UTF_8))));
    }

    private List<String> fieldsRefused(String kind, String tranche, DocumentService.Received file) {
        try {
            as("officer", () -> service.keep(request.id(), kind, tranche, file));
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("kept");
    }

    @Test
    void shouldKeepAnOfficersDocumentWithItsBytesAndServeThemBackInChunks() {
        // when the officer keeps a project file whose bytes read as a PDF
        DocumentView kept = as("officer", () -> service.keep(request.id(), " PROJECT ", null,
                received("dossier/projet\u0007.pdf", "%PDF-1.4 ten")));

        // then it is recorded with its kept name, type, size and author, and its bytes stored
        assertThat(kept.id()).isEqualTo(100L);
        assertThat(kept.kind()).isEqualTo("PROJECT");
        assertThat(kept.name()).isEqualTo("projet.pdf");
        assertThat(kept.contentType()).isEqualTo("application/pdf");
        assertThat(kept.size()).isEqualTo(12);
        assertThat(kept.uploadedBy()).isEqualTo("officer");
        assertThat(kept.uploadedAt()).isEqualTo(LedgerWorld.NOW);
        assertThat(store.spools).allSatisfy(s -> assertThat(s.closed).isTrue());
        assertThat(store.limitAsked).isEqualTo(DocumentService.maxBytes()).isEqualTo(20L * 1024 * 1024);

        // and whoever sees the request lists and reads it
        assertThat(as("cdc", () -> service.ofRequest(request.id()))).containsExactly(kept);
        DocumentService.Download download = as("cdc", () -> service.download(kept.id()));
        assertThat(download.document()).isEqualTo(kept);
        assertThat(download.chunks()).isEqualTo(3);
        assertThat(new String(as("cdc", () -> service.chunk(kept.id(), 2)), StandardCharsets.UTF_8))
                .isEqualTo(" ten");
    }

    @Test
    void shouldKeepATranchesEvidenceOnlyWithATrancheOfTheRequest() {
        assertThat(fieldsRefused("EVIDENCE", null, received("facture.pdf", "%PDF"))).containsExactly("trancheId");
        assertThat(fieldsRefused("PROJECT", "12x", received("a.pdf", "%PDF"))).containsExactly("trancheId");
        assertThat(fieldsRefused("EVIDENCE", "999", received("a.pdf", "%PDF"))).containsExactly("trancheId");
        assertThat(documents.documents).isEmpty();
    }

    @Test
    void shouldNameEveryMistakeOfAnUploadAtOnceAndStoreNothing() {
        assertThat(fieldsRefused(null, null, null)).containsExactly("kind", "file");
        assertThat(fieldsRefused(" ", "abc", received("a.pdf", "%PDF"))).containsExactly("kind", "trancheId");
        assertThat(fieldsRefused("INVOICE", null, received("a.pdf", "%PDF"))).containsExactly("kind");
        assertThat(fieldsRefused("PROJECT", null, received("a.pdf", ""))).containsExactly("file");
        assertThat(documents.documents).isEmpty();
        assertThat(store.stored).isEmpty();
        assertThat(store.spools).allSatisfy(s -> assertThat(s.closed).as("spool deleted").isTrue());
    }

    @Test
    void shouldRefuseAFileWhoseBytesAreOfATypeNotKept() {
        store.detected = "application/x-msdownload";

        assertThatThrownBy(() -> as("officer", () -> service.keep(request.id(), "PROJECT", null,
                received("rapport.pdf", "MZ...")))).isInstanceOfSatisfying(DocumentRefusedException.class, e ->
                assertThat(e.reason()).isEqualTo(DocumentRefusedException.Reason.UNSUPPORTED_TYPE));

        assertThat(documents.documents).isEmpty();
        assertThat(store.spools.get(0).closed).isTrue();
    }

    @Test
    void shouldAcceptTheOfficeOpenAndImageTypesOnly() {
        for (String kept : new String[] {"application/pdf", "image/png", "image/jpeg", "text/csv",
                "application/vnd.oasis.opendocument.text",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}) {
            assertThat(DocumentService.isAccepted(kept)).as(kept).isTrue();
        }
        for (String refused : new String[] {"text/html", "application/zip", "image/svg+xml", "text/plain",
                "application/x-msdownload", "application/vnd.ms-excel"}) {
            assertThat(DocumentService.isAccepted(refused)).as(refused).isFalse();
        }
    }

    @Test
    void shouldLetOnlyAnOfficerUploadToAnExistingRequest() {
        assertThatThrownBy(() -> as("cdc", () -> {
            service.checkUpload(request.id());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("cdc", () -> service.receive("a.pdf", new ByteArrayInputStream(new byte[1]))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("stranger", () -> {
            service.checkUpload(request.id());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("officer", () -> {
            service.checkUpload(404L);
            return null;
        })).isInstanceOf(NotFoundException.class).hasMessage("no request 404");
        as("officer", () -> {
            service.checkUpload(request.id());
            return null;
        });
    }

    @Test
    void shouldServeNoDocumentToWhoeverMayNotSeeItsRequest() {
        DocumentView kept = as("officer", () -> service.keep(request.id(), "BUDGET", null, received("b.csv", "a;b")));

        assertThatThrownBy(() -> as("stranger", () -> service.download(kept.id())))
                .isInstanceOf(NotFoundException.class).hasMessage("no document " + kept.id());
        assertThatThrownBy(() -> as("stranger", () -> service.chunk(kept.id(), 0)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("stranger", () -> service.ofRequest(request.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("officer", () -> service.download(999L))).isInstanceOf(NotFoundException.class);
    }
}
