package org.cofinance.application.mail;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cofinance.domain.model.notification.OutgoingMail;
import org.cofinance.domain.model.notification.OutgoingMailRepository;

/**
 * Hands the queued mails to the server's mail session (its SMTP server is the server's configuration): each one just
 * after the transaction that queued it, and every ten seconds those due again after a refusal — or left behind by a
 * node that stopped. Every node does so; a mail being sent is locked, and skipped by the others, so none leaves twice
 * (unless the mail server took it and the database then failed to record it: then it leaves again).
 */
@Stateless
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    /** The most mails one sweep sends. */
    private static final int SWEEP = 50;

    @Resource(lookup = "java:jboss/mail/Default")
    private Session session;

    @Inject
    private OutgoingMailRepository mails;

    @Inject
    private Clock clock;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendSoon(long id) {
        send(mails.lockIfDue(id, clock.instant()).stream().toList());
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "mails due")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendDue() {
        send(mails.lockDue(clock.instant(), SWEEP));
    }

    /**
     * Sends the mails in turn. A mail the server refuses (its address) waits for its next try alone; when the server
     * does not answer at all, the others are left for the next sweep instead of each waiting out the time limits.
     */
    private void send(List<OutgoingMail> due) {
        for (OutgoingMail mail : due) {
            try {
                Transport.send(message(mail));
                mail.sent(clock.instant());
            } catch (SendFailedException | AddressException refusedAddress) {
                refused(mail, refusedAddress);
            } catch (MessagingException noAnswer) {
                refused(mail, noAnswer);
                return;
            }
        }
    }

    private void refused(OutgoingMail mail, MessagingException why) {
        mail.refused(clock.instant(), why.toString());
        boolean abandoned = mail.status() == OutgoingMail.Status.ABANDONED;
        LOG.log(abandoned ? Level.SEVERE : mail.attempts() == 1 ? Level.WARNING : Level.FINE,
                () -> "the mail " + mail.id() + " to " + mail.recipient() + " was not taken (attempt "
                        + mail.attempts() + (abandoned ? ", abandoned" : ", tried again later") + "): " + why);
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(mail.queuedAt()));
        return message;
    }
}
