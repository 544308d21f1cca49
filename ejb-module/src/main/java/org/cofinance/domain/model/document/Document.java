package org.cofinance.domain.model.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * A file kept with a request: its kind (an EVIDENCE document names the tranche it proves, no other kind does), the
 * name it was given (without any path or control character), the type read from its bytes, its size and SHA-256,
 * who uploaded it and when. Never changed: its bytes are stored once with it.
 */
@Entity
@Table(name = "document")
public class Document {

    /** The longest name kept. */
    public static final int MAX_NAME = 255;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_id", nullable = false, updatable = false)
    private Long requestId;

    @Column(name = "tranche_id", updatable = false)
    private Long trancheId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    private DocumentKind kind;

    @Column(nullable = false, length = MAX_NAME, updatable = false)
    private String name;

    @Column(name = "content_type", nullable = false, length = 120, updatable = false)
    private String contentType;

    @Column(nullable = false, updatable = false)
    private long size;

    @Column(nullable = false, length = 64, updatable = false)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, length = 64, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected Document() {
    }

    /**
     * A document of {@code size} bytes whose type and digest were read from them.
     *
     * @throws ValidationException naming {@code trancheId} (missing for evidence, given for another kind)
     */
    public Document(Long requestId, DocumentKind kind, Long trancheId, String name, String contentType, long size,
                    String sha256, String uploadedBy, Instant uploadedAt) {
        List<Violation> violations = violationsOf(kind, trancheId);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (size <= 0 || sha256 == null || !HEX_64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a document has bytes and their SHA-256");
        }
        this.requestId = Objects.requireNonNull(requestId);
        this.kind = kind;
        this.trancheId = trancheId;
        this.name = Objects.requireNonNull(name);
        this.contentType = Objects.requireNonNull(contentType);
        this.size = size;
        this.sha256 = sha256;
        this.uploadedBy = Objects.requireNonNull(uploadedBy);
        this.uploadedAt = Objects.requireNonNull(uploadedAt);
    }

    /** What is wrong with a document of that kind for that tranche: evidence proves a tranche, nothing else does. */
    public static List<Violation> violationsOf(DocumentKind kind, Long trancheId) {
        List<Violation> violations = new ArrayList<>();
        if (kind == DocumentKind.EVIDENCE && trancheId == null) {
            violations.add(new Violation("trancheId", "is required for EVIDENCE: the tranche the document proves"));
        } else if (kind != null && kind != DocumentKind.EVIDENCE && trancheId != null) {
            violations.add(new Violation("trancheId", "is given for EVIDENCE only"));
        }
        return violations;
    }

    /**
     * The name a file is kept under: its last path segment (a client may send {@code C:\\dir\\a.pdf} or
     * {@code ../../a.pdf}), without control characters, stripped.
     *
     * @throws ValidationException naming {@code file} when nothing is left or it is longer than {@value #MAX_NAME}
     */
    public static String keptName(String sent) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = CONTROL.matcher(name).replaceAll("").strip();
        if (name.isEmpty() || ".".equals(name) || "..".equals(name)) {
            throw ValidationException.of("file", "has a name");
        }
        if (name.length() > MAX_NAME) {
            throw ValidationException.of("file", "has a name of at most " + MAX_NAME + " characters");
        }
        return name;
    }

    public Long id() {
        return id;
    }

    public Long requestId() {
        return requestId;
    }

    public Long trancheId() {
        return trancheId;
    }

    public DocumentKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
