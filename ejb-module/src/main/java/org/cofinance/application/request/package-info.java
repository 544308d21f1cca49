/**
 * Funding requests: registering, revising, submitting, cancelling and searching them, their history, and the
 * steps the funding-request process takes on them (eligibility, reservation, decisions, convention, closing). Moves
 * money through the ledger capability, never by itself.
 */
package org.cofinance.application.request;
