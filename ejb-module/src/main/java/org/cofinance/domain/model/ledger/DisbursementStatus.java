package org.cofinance.domain.model.ledger;

public enum DisbursementStatus {
    REQUESTED, PAID, REFUSED
}
