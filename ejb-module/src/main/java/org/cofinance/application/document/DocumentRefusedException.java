package org.cofinance.application.document;

/**
 * A file refused before anything is stored: too large (413) or of a type Cofinance does not keep (415).
 */
public class DocumentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: the HTTP status and the problem type the API answers. */
    public enum Reason {
        TOO_LARGE(413, "payload-too-large"), UNSUPPORTED_TYPE(415, "unsupported-media-type");

        private final int status;
        private final String problemType;

        Reason(int status, String problemType) {
            this.status = status;
            this.problemType = problemType;
        }

        public int status() {
            return status;
        }

        public String problemType() {
            return problemType;
        }
    }

    private final Reason reason;

    public DocumentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
