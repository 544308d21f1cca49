/**
 * What every capability shares and nothing else: the refusals the channels map to HTTP (not found, access denied,
 * reused idempotency key), paging, the parsing of what clients type (amounts, codes, dates), idempotent replays and
 * work run after a transaction commits. Depends on the domain only.
 */
package org.cofinance.application.shared;
