package org.cofinance.application.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cofinance.application.access.UserDirectory;
import org.cofinance.application.mail.Mailer;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.TaggedPasswordHasher;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** One mail to each candidate of a new task; one to whoever is handed a task by someone else; none for a claim. */
class TaskNotificationsTest {

    /** The mails asked for, as "to | subject | body". */
    private static final class Outbox extends Mailer {
        private final List<String> sent = new ArrayList<>();

        @Override
        public void sendAfterCommit(String to, String subject, String text) {
            sent.add(to + " | " + subject + " | " + text);
        }
    }

    private final InMemoryUsers users = new InMemoryUsers();
    private final Outbox outbox = new Outbox();
    private final TaskNotifications notifications = new TaskNotifications(
            new UserDirectory(users, new TaggedPasswordHasher()), outbox);

    TaskNotificationsTest() {
        users.add(new AppUser("cdc", "strong:x", "cdc", "cdc@cdc.fr", 1L, EnumSet.of(Role.APPROVER)));
        users.add(new AppUser("cdc2", "strong:x", "cdc2", "cdc2@cdc.fr", 1L, EnumSet.of(Role.APPROVER)));
        users.add(new AppUser("investor", "strong:x", "investor", "investor@fund.fr", 2L, EnumSet.of(Role.APPROVER)));
    }

    @Test
    void shouldMailEachCandidateOfANewTaskOnceWithTheLinkToItsRequest() {
        notifications.taskCreated("Décision", "CF-2026-0007", 7L, Set.of("approvers-1"));

        assertThat(outbox.sent).containsExactly(
                "cdc2@cdc.fr | [Cofinance] Décision – CF-2026-0007 | Une tâche vous attend.\nA task awaits you.\n\n"
                        + "Décision\nCF-2026-0007\nhttp://localhost:8080/cofinance/app/request.xhtml?id=7\n",
                "cdc@cdc.fr | [Cofinance] Décision – CF-2026-0007 | Une tâche vous attend.\nA task awaits you.\n\n"
                        + "Décision\nCF-2026-0007\nhttp://localhost:8080/cofinance/app/request.xhtml?id=7\n");
    }

    @Test
    void shouldMailWhoeverIsHandedATaskBySomeoneElseOnly() {
        notifications.taskAssigned("Décision", "CF-2026-0007", 7L, "cdc2", "cdc");
        notifications.taskAssigned("Décision", "CF-2026-0007", 7L, "cdc", "cdc");
        notifications.taskAssigned("Décision", "CF-2026-0007", 7L, null, "cdc");
        notifications.taskAssigned("Décision", "CF-2026-0007", 7L, "nobody", "cdc");

        assertThat(outbox.sent).singleElement().satisfies(mail -> assertThat(mail)
                .startsWith("cdc2@cdc.fr | [Cofinance] Décision – CF-2026-0007 | Une tâche vous a été confiée.\n"
                        + "A task was handed to you."));
    }
}
