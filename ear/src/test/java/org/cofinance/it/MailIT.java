package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldMailEachCandidateOnceWhenATaskIsCreatedAndNobodyOnAClaim() throws Exception {
        // when an officer submits a request
        long id = Api.as("officer").post("/requests", Demo.balancedRequest("Mailed")).json().get("id").asLong();
        String reference = Api.as("officer").post("/requests/" + id + "/submit", null).json().get("reference")
                .asText();

        // then the officers are told of the instruction to do
        awaitMails(reference, 1);
        assertThat(recipients(reference)).containsExactly("officer@cofinance.test");

        // when the instruction is favourable
        Demo.instruct(id);

        // then each funder's approvers are told of their decision, once each
        awaitMails(reference, 4);
        assertThat(recipients(reference)).containsExactlyInAnyOrder("officer@cofinance.test", "cdc@cofinance.test",
                "investor@cofinance.test", "region@cofinance.test");

        // when an approver claims his task, then the funders' answers send the plan back for revision
        String task = Api.as("cdc").get("/tasks?requestId=" + id).json().get("items").get(0).get("id").asText();
        assertThat(Api.as("cdc").post("/tasks/" + task + "/claim", null).status()).isEqualTo(204);
        Demo.decide("cdc", id, "REQUEST_CHANGES");
        Demo.decide("investor", id, "APPROVE");
        Demo.decide("region", id, "APPROVE");

        // then only the revision task is mailed, to the officers: the claim mailed nobody
        awaitMails(reference, 5);
        assertThat(recipients(reference)).containsExactlyInAnyOrder("officer@cofinance.test", "cdc@cofinance.test",
                "investor@cofinance.test", "region@cofinance.test", "officer@cofinance.test");
        assertThat(subjects(reference)).allSatisfy(s -> assertThat(s).startsWith("[Cofinance]").contains(reference));
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
