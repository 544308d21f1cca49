package org.cofinance.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class HealthServiceTest {

    private boolean databaseAnswers = true;

    private final Readiness readiness = new Readiness() {
        @Override
        public boolean engineStarted() {
            return true;
        }

        @Override
        public boolean databaseAnswers() {
            return databaseAnswers;
        }

        @Override
        public boolean processDeployed() {
            return true;
        }
    };

    private final ServerNode node = new ServerNode() {
        @Override
        public String name() {
            return "node2";
        }

        @Override
        public long processId() {
            return 4242L;
        }
    };

    private final HealthService health = new HealthService(readiness, node, new Callers(null));

    @Test
    void shouldTellAnyoneTheNodeButNotItsProcess() {
        // given nobody signed in
        // when the health is checked
        HealthService.Health answer = health.check();

        // then the node answers its name, and keeps its process id
        assertThat(answer.up()).isTrue();
        assertThat(answer.node()).isEqualTo("node2");
        assertThat(answer.processId()).isNull();
    }

    @Test
    void shouldTellAnAdministratorTheProcessId() {
        // given an administrator signed in
        try (SignedInUser.Scope admin = SignedInUser.signIn(new Caller("admin", Set.of(Role.ADMIN), null))) {
            // when he checks the health
            HealthService.Health answer = health.check();

            // then he is told the process id
            assertThat(answer.processId()).isEqualTo(4242L);
        }
    }

    @Test
    void shouldKeepTheProcessIdFromAnyoneElseSignedIn() {
        // given a finance user signed in
        try (SignedInUser.Scope finance = SignedInUser.signIn(new Caller("finance", Set.of(Role.FINANCE), 3L))) {
            // when he checks the health
            // then the process id is not his to know
            assertThat(health.check().processId()).isNull();
        }
    }

    @Test
    void shouldSayDownWhenTheDatabaseDoesNotAnswer() {
        // given a database that does not answer
        databaseAnswers = false;

        // when the health is checked
        // then the node says it cannot serve, still naming itself
        assertThat(health.check().up()).isFalse();
        assertThat(health.check().node()).isEqualTo("node2");
    }
}
