package org.cofinance.domain.model.shared;

/** One broken rule on one input field, e.g. {@code plan[1].amount}. */
public record Violation(String field, String message) {
}
