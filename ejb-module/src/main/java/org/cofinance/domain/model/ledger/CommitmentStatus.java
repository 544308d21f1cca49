package org.cofinance.domain.model.ledger;

public enum CommitmentStatus {
    RESERVED, COMMITTED, DISBURSED, CLOSED, RELEASED
}
