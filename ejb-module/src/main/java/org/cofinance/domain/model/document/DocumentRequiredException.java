package org.cofinance.domain.model.document;

import org.cofinance.domain.model.shared.DomainException;

/** A step that needs a document the request does not have yet: the signed convention, a milestone's evidence. */
public class DocumentRequiredException extends DomainException {

    private static final long serialVersionUID = 1L;

    public DocumentRequiredException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "document-required";
    }
}
