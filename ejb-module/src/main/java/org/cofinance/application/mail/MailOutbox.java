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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cofinance.domain.model.notification.OutgoingMail;

/**
 * Hands the queued mails to the server's mail session (its SMTP server is the server's configuration): each one just
 * after the transaction that queued it, and every ten seconds those due again after a refusal — or left behind by a
 * node that stopped. Every node does so; a mail being sent is locked, and skipped by the others, so none leaves twice
 * (unless the mail server took it and the database then failed to record it: then it leaves again).
 */
@Stateless
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());
    private static final String DUE = "select * from outgoing_mail where status = 'QUEUED' and next_attempt_at <= ?1 "
            + "order by id limit 50 for update skip locked";
    private static final String ONE_DUE = "select * from outgoing_mail where status = 'QUEUED' "
            + "and next_attempt_at <= ?1 and id = ?2 for update skip locked";

    @Resource(lookup = "java:jboss/mail/Default")
    private Session session;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendSoon(long id) {
        send(locked(em.createNativeQuery(ONE_DUE, OutgoingMail.class).setParameter(2, id)));
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "mails due")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sendDue() {
        send(locked(em.createNativeQuery(DUE, OutgoingMail.class)));
    }

    @SuppressWarnings("unchecked")
    private List<OutgoingMail> locked(Query due) {
        return due.setParameter(1, clock.instant()).getResultList();
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
        message.setSentDate(java.util.Date.from(mail.queuedAt()));
        return message;
    }
}
