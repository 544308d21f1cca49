package org.cofinance.application.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class TaskCompletionTest {

    /** Fails as told, as the container hands the failures of the work's transaction to its caller. */
    private static final class ScriptedWork extends TaskWork {
        private final List<RuntimeException> failures;
        private final List<String> completed = new ArrayList<>();
        private int attempts;

        ScriptedWork(RuntimeException... failures) {
            this.failures = new ArrayList<>(List.of(failures));
        }

        @Override
        public void complete(String taskId, TaskAnswer answer) {
            attempts++;
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            completed.add(taskId);
        }
    }

    private static EJBException concurrentUpdate() {
        return new EJBException(new OptimisticLockingException("the process was updated by another transaction"));
    }

    private static final TaskAnswer APPROVE = new TaskAnswer("APPROVE", null, null, null, null);

    @Test
    void shouldCompleteAgainOnTheNewStateWhenAFunderAnsweredAtTheSameInstant() {
        ScriptedWork work = new ScriptedWork(concurrentUpdate(),
                new EJBException(new RuntimeException(new OptimisticLockException("row changed"))));

        new TaskCompletion(work).complete("t1", APPROVE);

        assertThat(work.attempts).isEqualTo(3);
        assertThat(work.completed).containsExactly("t1");
    }

    @Test
    void shouldGiveUpAfterFiveConcurrentUpdatesInARow() {
        ScriptedWork work = new ScriptedWork(concurrentUpdate(), concurrentUpdate(), concurrentUpdate(),
                concurrentUpdate(), concurrentUpdate(), concurrentUpdate());

        assertThatThrownBy(() -> new TaskCompletion(work).complete("t1", APPROVE))
                .isInstanceOf(EJBException.class);
        assertThat(work.attempts).isEqualTo(TaskCompletion.ATTEMPTS);
        assertThat(work.completed).isEmpty();
    }

    @Test
    void shouldNeverMakeAgainACompletionRefusedForAnotherReason() {
        EJBException refused = new EJBException(new IllegalStateException("the request awaits no decision"));
        ScriptedWork work = new ScriptedWork(refused);

        assertThatThrownBy(() -> new TaskCompletion(work).complete("t1", APPROVE)).isSameAs(refused);
        assertThat(work.attempts).isEqualTo(1);
    }
}
