package org.cofinance.interfaces.web.requests;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.cofinance.application.document.DocumentService;
import org.cofinance.application.document.DocumentView;
import org.cofinance.application.document.NewDocument;
import org.cofinance.domain.model.document.DocumentKind;
import org.cofinance.interfaces.web.Downloads;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/**
 * The documents of the request page: the list with a download each, and the officer's upload form (kind, the tranche
 * an evidence proves, the file) whose refusals stand beside their field; the kind and tranche chosen stay.
 */
@Named
@ViewScoped
public class RequestDocuments implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DocumentService documents;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private Long requestId;
    private String kind;
    private Long trancheId;
    private transient Part file;
    private List<DocumentView> list;

    public List<DocumentView> getList() {
        if (list == null && requestId != null) {
            ui.attempt(null, () -> list = documents.ofRequest(requestId));
        }
        return list == null ? List.of() : list;
    }

    /** The evidence documents of one tranche, for its validation form. */
    public List<DocumentView> evidenceOf(Long tranche) {
        return getList().stream().filter(d -> DocumentKind.EVIDENCE.name().equals(d.kind())
                && d.trancheId() != null && d.trancheId().equals(tranche)).toList();
    }

    /** Keeps the chosen file; without one, the service names the missing file beside its field. */
    public void upload() throws IOException {
        String tranche = trancheId == null ? null : trancheId.toString();
        if (file == null) {
            ui.attempt(errors, () -> documents.upload(requestId, new NewDocument(kind, tranche, null, null)));
            return;
        }
        try (InputStream content = file.getInputStream()) {
            String name = file.getSubmittedFileName();
            if (ui.attempt(errors, () -> documents.upload(requestId, new NewDocument(kind, tranche, name, content)))) {
                ui.info("documents.uploaded.info", name);
                list = null;
                file = null;
            }
        }
    }

    public void download(DocumentView document) throws IOException {
        DocumentService.Download download = documents.download(document.id());
        Downloads.stream(download.document().size(), download.document().contentType(), download.document().name(),
                out -> {
                    for (int i = 0; i < download.chunks(); i++) {
                        out.write(documents.chunk(document.id(), i));
                    }
                });
    }

    public List<String> getKinds() {
        return java.util.Arrays.stream(DocumentKind.values()).map(Enum::name).toList();
    }

    /** The largest file kept, so that the page refuses a larger one before sending it. */
    public long getMaxBytes() {
        return DocumentService.maxBytes();
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public Long getRequestId() {
        return requestId;
    }

    public void setRequestId(Long requestId) {
        this.requestId = requestId;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Long getTrancheId() {
        return trancheId;
    }

    public void setTrancheId(Long trancheId) {
        this.trancheId = trancheId;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
