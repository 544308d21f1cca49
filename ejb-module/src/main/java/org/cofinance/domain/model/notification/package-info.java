/**
 * What the application tells people by e-mail, kept as mails to send: queued with the change that calls for them,
 * sent once it has committed, tried again while the mail server does not take them.
 */
package org.cofinance.domain.model.notification;
