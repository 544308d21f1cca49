package org.cofinance.domain.model.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.junit.jupiter.api.Test;

/** A document of a request as it is kept: its kind and tranche, its name, its bytes' size and digest. */
class DocumentTest {

    private static final String SHA = "a".repeat(64);
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    private static Document document(DocumentKind kind, Long tranche, long size, String sha) {
        return new Document(12L, kind, tranche, "pv.pdf", "application/pdf", size, sha, "officer", AT);
    }

    @Test
    void shouldKeepWhatItWasGiven() {
        // when evidence of tranche 5 is kept
        Document evidence = document(DocumentKind.EVIDENCE, 5L, 1, SHA);

        // then it holds every fact of it
        assertThat(evidence.requestId()).isEqualTo(12L);
        assertThat(evidence.kind()).isEqualTo(DocumentKind.EVIDENCE);
        assertThat(evidence.trancheId()).isEqualTo(5L);
        assertThat(evidence.name()).isEqualTo("pv.pdf");
        assertThat(evidence.contentType()).isEqualTo("application/pdf");
        assertThat(evidence.size()).isEqualTo(1);
        assertThat(evidence.sha256()).isEqualTo(SHA);
        assertThat(evidence.uploadedBy()).isEqualTo("officer");
        assertThat(evidence.uploadedAt()).isEqualTo(AT);
        assertThat(evidence.id()).isNull();
    }

    @Test
    void shouldTieEvidenceAndOnlyEvidenceToATranche() {
        // then evidence without its tranche, or another kind with one, is refused naming trancheId
        assertThat(Document.violationsOf(DocumentKind.EVIDENCE, null)).extracting(Violation::field)
                .containsExactly("trancheId");
        assertThat(Document.violationsOf(DocumentKind.PROJECT, 5L)).extracting(Violation::field)
                .containsExactly("trancheId");
        assertThat(Document.violationsOf(DocumentKind.EVIDENCE, 5L)).isEmpty();
        assertThat(Document.violationsOf(DocumentKind.CONVENTION_SIGNED, null)).isEmpty();
        assertThat(Document.violationsOf(null, 5L)).isEmpty();
        assertThatThrownBy(() -> document(DocumentKind.BUDGET, 5L, 10, SHA))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("trancheId"));
        assertThatThrownBy(() -> document(DocumentKind.EVIDENCE, null, 10, SHA))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldHaveBytesAndTheirLowerCaseSha256() {
        // then an empty file, or a digest missing, short, long or in capitals, is no document
        assertThatThrownBy(() -> document(DocumentKind.OTHER, null, 0, SHA))
                .isInstanceOf(IllegalArgumentException.class);
        for (String wrong : new String[] {null, "a".repeat(63), "a".repeat(65), "A".repeat(64), "g".repeat(64)}) {
            assertThatThrownBy(() -> document(DocumentKind.OTHER, null, 10, wrong)).as(String.valueOf(wrong))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(document(DocumentKind.OTHER, null, 10, "0123456789abcdef".repeat(4)).size()).isEqualTo(10);
        assertThatThrownBy(() -> new Document(null, DocumentKind.OTHER, null, "a", "t", 1, SHA, "o", AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Document(1L, DocumentKind.OTHER, null, null, "t", 1, SHA, "o", AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Document(1L, DocumentKind.OTHER, null, "a", null, 1, SHA, "o", AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Document(1L, DocumentKind.OTHER, null, "a", "t", 1, SHA, null, AT))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Document(1L, DocumentKind.OTHER, null, "a", "t", 1, SHA, "o", null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldKeepAFileUnderItsLastPathSegmentWithoutControlCharacters() {
        // then the paths a client may send are cut to their last segment, control characters removed, stripped
        assertThat(Document.keptName("C:\\\\dossiers\\\\convention.pdf")).isEqualTo("convention.pdf");
        assertThat(Document.keptName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Document.keptName("a/b\\\\c/budget.xlsx")).isEqualTo("budget.xlsx");
        assertThat(Document.keptName("  pv\u0000\u0007 de démarrage.pdf\n ")).isEqualTo("pv de démarrage.pdf");
        assertThat(Document.keptName("x".repeat(Document.MAX_NAME))).hasSize(Document.MAX_NAME);

        // and a name that leaves nothing, or too long a one, is refused naming the file
        for (String wrong : new String[] {null, "", "  ", "dir/", "..", ".", "a/..", "\u0001",
                "x".repeat(Document.MAX_NAME + 1)}) {
            assertThatThrownBy(() -> Document.keptName(wrong)).as(String.valueOf(wrong))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("file"));
        }
        assertThat(new DocumentRequiredException("la convention signée").problemType())
                .isEqualTo("document-required");
    }
}
