/**
 * The ledger: envelopes and their amendments, commitments and payments, every movement an immutable entry;
 * reservations booked in batches; the reconciliation of balances with entries. Knows requests only as the domain
 * holds them.
 */
package org.cofinance.application.ledger;
