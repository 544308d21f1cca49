package org.cofinance.domain.model.ledger;

/** The movements of the ledger, in the two-phase shape of a bank transfer. */
public enum EntryKind {
    /** Money held on an envelope while the committees decide (pending). */
    RESERVE,
    /** A reservation turned into a commitment (posted); any rest of the reservation returns to the envelope. */
    POST,
    /** A reservation given back whole (voided): rejected, cancelled, or reduced to nothing. */
    VOID,
    /** A tranche paid out of a commitment. */
    DISBURSE,
    /** The undisbursed rest of a commitment given back to its envelope at closing (dégagement). */
    RELEASE,
    /** Money paid back on a commitment (ordre de reversement received): its disbursed goes down by as much. */
    RECOVER,
    /** An envelope's ceiling set by an amendment (avenant); the amount is the new ceiling. */
    AMEND
}
