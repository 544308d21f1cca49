package org.cofinance.domain.model.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks one or more rules; each violation names its field. Nothing was changed. */
public class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
