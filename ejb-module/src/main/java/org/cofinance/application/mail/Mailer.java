package org.cofinance.application.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import org.cofinance.application.shared.AfterCommit;
import org.cofinance.domain.model.notification.OutgoingMail;
import org.cofinance.domain.model.notification.OutgoingMailRepository;

/**
 * Sends e-mails: each is queued in the transaction that calls for it and leaves once that transaction has committed
 * (never if it rolls back); if the mail server does not take it then, {@link MailOutbox} tries again later.
 */
@Stateless
public class Mailer {

    @Inject
    private OutgoingMailRepository mails;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private MailOutbox outbox;

    @Inject
    private Clock clock;

    public void sendAfterCommit(String to, String subject, String text) {
        OutgoingMail mail = new OutgoingMail(to, subject, text, clock.instant());
        mails.add(mail);
        long id = mail.id();
        AfterCommit.run(transactions, () -> outbox.sendSoon(id));
    }
}
