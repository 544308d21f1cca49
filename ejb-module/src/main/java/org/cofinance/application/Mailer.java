package org.cofinance.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends e-mails through the server's mail session (its SMTP server is the server's configuration). */
@Stateless
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Resource(lookup = "java:jboss/mail/Default")
    private Session session;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @EJB
    private Mailer self;

    /** Sends once the current transaction has committed; nothing if it rolls back. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void sendAfterCommit(String to, String subject, String text) {
        if (transactions.getTransactionKey() == null) {
            self.send(to, subject, text);
            return;
        }
        AfterCommit.run(transactions, () -> self.send(to, subject, text));
    }

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void send(String to, String subject, String text) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "the mail to " + to + " could not be sent", e);
        }
    }
}
