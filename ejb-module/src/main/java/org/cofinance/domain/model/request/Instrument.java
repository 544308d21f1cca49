package org.cofinance.domain.model.request;

/** How a source finances: subvention, fonds propres, prêt, avance remboursable, autofinancement. */
public enum Instrument {
    SUBSIDY, EQUITY, LOAN, ADVANCE, SELF_FUNDING
}
