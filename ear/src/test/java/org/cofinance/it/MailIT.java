package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Task notifications through the server's mail session, read back from a real SMTP server. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-MAIL");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldMailEachCandidateOnceWhenATaskIsCreatedAndNobodyOnAClaim() throws Exception {
        // when an officer submits a request
        long id = Demo.draft(ENVELOPES, "Mailed");
        String reference = Api.as("officer").post("/requests/" + id + "/submit", null).json().get("reference")
                .asText();

        // then the officers are told of the instruction to do
        awaitMails(reference, 1);
        assertThat(recipients(reference)).containsExactly("officer@cofinance.test");

        // when the instruction is favourable
        Demo.instruct(id);

        // then each funder's approvers (two each) are told of their decision, once each
        awaitMails(reference, 7);
        assertThat(recipients(reference)).containsExactlyInAnyOrder("officer@cofinance.test", "cdc@cofinance.test",
                "cdc2@cofinance.test", "investor@cofinance.test", "investor2@cofinance.test", "region@cofinance.test",
                "region2@cofinance.test");

        // when an approver claims his task, then the funders' answers send the plan back for revision
        String task = Api.as("cdc").get("/tasks?requestId=" + id).json().get("items").get(0).get("id").asText();
        assertThat(Api.as("cdc").post("/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        Demo.decide("cdc", id, "REQUEST_CHANGES");
        Demo.decide("investor", id, "APPROVE");
        Demo.decide("region", id, "APPROVE");

        // then only the revision task is mailed, to the officers: the claim mailed nobody
        awaitMails(reference, 8);
        assertThat(recipients(reference)).containsExactlyInAnyOrder("officer@cofinance.test", "cdc@cofinance.test",
                "cdc2@cofinance.test", "investor@cofinance.test", "investor2@cofinance.test", "region@cofinance.test",
                "region2@cofinance.test", "officer@cofinance.test");
        assertThat(subjects(reference)).allSatisfy(s -> assertThat(s).startsWith("[Cofinance]").contains(reference));
        assertThat(bodies(reference)).allSatisfy(body -> assertThat(body)
                .contains("/cofinance/app/request.xhtml?id=" + id).doesNotContain("/api/"));

        // and once the outbox is idle for the request, it holds exactly these mails, all sent: nobody else was mailed
        awaitIdleOutbox(reference);
        assertThat(outboxRecipients(reference)).containsExactlyInAnyOrder("officer@cofinance.test SENT",
                "cdc@cofinance.test SENT", "cdc2@cofinance.test SENT", "investor@cofinance.test SENT",
                "investor2@cofinance.test SENT", "region@cofinance.test SENT", "region2@cofinance.test SENT",
                "officer@cofinance.test SENT");
        assertThat(recipients(reference)).hasSize(8);
    }

    @Test
    void shouldSendAgainLaterTheMailsAHangingSmtpServerDidNotTake() throws Exception {
        // given an SMTP server that has stopped answering when an officer submits a request
        long id = Demo.draft(ENVELOPES, "Mailed later");
        String reference;
        TestMailServer.stopAnswering();
        try {
            reference = Api.as("officer").post("/requests/" + id + "/submit", null).json().get("reference")
                    .asText();

            // then the server gives up on it after its time limit: the officers' mail is kept, due again later
            Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
                    .until(() -> outbox(reference).equals(List.of("QUEUED 1 refused")));
            assertThat(lastError(reference)).containsIgnoringCase("timed out");
        } finally {
            TestMailServer.answerAgain();
        }

        // when the SMTP server answers again and the time to try again has come
        try (Connection db = Sql.connect(); PreparedStatement due = db.prepareStatement(
                "update outgoing_mail set next_attempt_at = now() where status = 'QUEUED' and subject like ?")) {
            due.setString(1, "%" + reference);
            assertThat(due.executeUpdate()).isEqualTo(1);
        }

        // then it is sent, once, and recorded sent
        awaitMails(reference, 1);
        Awaitility.await().atMost(10, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> outbox(reference).equals(List.of("SENT 2 refused")));
        assertThat(recipients(reference)).containsExactly("officer@cofinance.test");
    }

    private static String lastError(String reference) throws SQLException {
        try (Connection db = Sql.connect(); PreparedStatement query = db.prepareStatement(
                "select last_error from outgoing_mail where subject like ?")) {
            query.setString(1, "%" + reference);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Each mail about the request as "status attempts refused?" (whether a refusal is on record). */
    private static List<String> outbox(String reference) throws SQLException {
        try (Connection db = Sql.connect(); PreparedStatement query = db.prepareStatement(
                "select status, attempts, last_error from outgoing_mail where subject like ? order by id")) {
            query.setString(1, "%" + reference);
            List<String> mails = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    mails.add(rows.getString(1) + " " + rows.getInt(2) + " "
                            + (rows.getString(3) == null ? "-" : "refused"));
                }
            }
            return mails;
        }
    }

    /** Waits until no mail about the request is queued any more: whatever was to be sent has been. */
    private static void awaitIdleOutbox(String reference) {
        Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> outbox(reference).stream().noneMatch(mail -> mail.startsWith("QUEUED")));
    }

    /** Each mail about the request as "recipient status", from the outbox itself. */
    private static List<String> outboxRecipients(String reference) throws SQLException {
        try (Connection db = Sql.connect(); PreparedStatement query = db.prepareStatement(
                "select recipient, status from outgoing_mail where subject like ? order by id")) {
            query.setString(1, "%" + reference);
            List<String> mails = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    mails.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            return mails;
        }
    }

    private static void awaitMails(String reference, int count) {
        Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
                .until(() -> recipients(reference).size() >= count);
    }

    private static List<String> recipients(String reference) throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : TestMailServer.greenMail().getReceivedMessages()) {
            if (message.getSubject().contains(reference)) {
                recipients.add(message.getAllRecipients()[0].toString());
            }
        }
        return recipients;
    }

    /** The mails' texts: their links lead to the pages, never to the API (whose credentials a browser may keep). */
    private static List<String> bodies(String reference) throws MessagingException, java.io.IOException {
        List<String> bodies = new ArrayList<>();
        for (MimeMessage message : TestMailServer.greenMail().getReceivedMessages()) {
            if (message.getSubject().contains(reference)) {
                bodies.add(String.valueOf(message.getContent()));
            }
        }
        return bodies;
    }

    private static List<String> subjects(String reference) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : TestMailServer.greenMail().getReceivedMessages()) {
            if (message.getSubject().contains(reference)) {
                subjects.add(message.getSubject());
            }
        }
        return subjects;
    }
}
