/**
 * The reports' read models in SQL: one projection query per report, streamed from a database cursor, and the one
 * derivation of envelope balances from ledger entries that the envelope-status report and the reconciliation share.
 */
package org.cofinance.infrastructure.reporting;
