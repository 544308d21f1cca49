/**
 * Mails by a transactional outbox: queued in the transaction that calls for them, sent once it commits, tried
 * again while the SMTP server refuses them.
 */
package org.cofinance.application.mail;
