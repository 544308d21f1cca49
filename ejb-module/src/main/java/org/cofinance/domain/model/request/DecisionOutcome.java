package org.cofinance.domain.model.request;

public enum DecisionOutcome {
    APPROVE, APPROVE_REDUCED, REJECT, REQUEST_CHANGES
}
