/**
 * The ledger: envelopes (capped budgets, possibly nested), commitments (the money one source promises to one
 * request) and the immutable entries that move money between them. Balances only move through
 * {@link org.cofinance.domain.model.ledger.Commitment}, which records each movement as a
 * {@link org.cofinance.domain.model.ledger.LedgerEntry}; the envelope's movements are package-private for that reason.
 */
package org.cofinance.domain.model.ledger;
