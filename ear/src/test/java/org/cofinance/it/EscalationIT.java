package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * A decision still open after its 15 days, on the server: the process's timer fires on the job executor, the late
 * task is marked, and the organisation's escalation group is mailed. Time is moved by setting the due dates of the
 * timer and of the tasks in the past.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EscalationIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-ESCALATION");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldMarkLateDecisionsAndMailTheirOrganisationsEscalationGroup() throws SQLException, MessagingException {
        // given a request whose three decisions are open, the investor's given
        long id = Demo.submittedRequest(ENVELOPES, "Décision en retard");
        String reference = Api.as("officer").get("/requests/" + id).json().get("reference").asText();
        Demo.decide("investor", id, "APPROVE");
        String processInstance = Api.as("officer").get("/requests/" + id).json().get("processInstanceId").asText();

        // when 15 days pass
        try (Connection db = Sql.connect()) {
            update(db, "update act_ru_task set due_date_ = now() - interval '1 day' where proc_inst_id_ = ?",
                    processInstance);
            update(db, "update act_ru_job set duedate_ = now() - interval '1 minute' where process_instance_id_ = ?"
                    + " and type_ = 'timer'", processInstance);
        }

        // then the CDC's supervisor is told of the late decision, and nobody of the other organisations
        Awaitility.await().atMost(90, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> !lateMails(reference).isEmpty());
        assertThat(lateMails(reference)).containsExactly("supervisor@cofinance.test");
        Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> lateMailsInOutbox(reference).stream().noneMatch(mail -> mail.endsWith("QUEUED")));
        assertThat(lateMailsInOutbox(reference)).as("the outbox, once idle")
                .containsExactly("supervisor@cofinance.test SENT");

        // and the open decisions are marked late in the approvers' task lists, and still wait for their answers
        JsonNode cdcTask = Api.as("cdc").get("/tasks?requestId=" + id).json().get("items").get(0);
        assertThat(cdcTask.get("late").asBoolean()).isTrue();
        assertThat(Demo.decide("cdc", id, "APPROVE").status()).isEqualTo(204);
        assertThat(Demo.decide("region", id, "APPROVE").status()).isEqualTo(204);
        assertThat(Api.as("officer").get("/requests/" + id).json().get("status").asText()).isEqualTo("APPROVED");
    }

    private static void update(Connection db, String sql, String processInstance) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, processInstance);
            assertThat(statement.executeUpdate()).isPositive();
        }
    }

    /** The late-decision mails about the request as the outbox holds them: "recipient status". */
    private static List<String> lateMailsInOutbox(String reference) throws SQLException {
        try (Connection db = Sql.connect(); PreparedStatement query = db.prepareStatement(
                "select recipient, status from outgoing_mail where subject like ? and subject like ? order by id")) {
            query.setString(1, "%Late:%");
            query.setString(2, "%" + reference);
            List<String> mails = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    mails.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
            return mails;
        }
    }

    private static List<String> lateMails(String reference) throws MessagingException {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : TestMailServer.greenMail().getReceivedMessages()) {
            if (message.getSubject().contains(reference) && message.getSubject().contains("Late")) {
                recipients.add(message.getAllRecipients()[0].toString());
            }
        }
        return recipients;
    }
}
