package org.cofinance.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The channels answer for the failure a service threw, not for the container's or the engine's wrapper of it. */
class FailuresTest {

    @Test
    void shouldUnwrapTheContainersAndTheEnginesWrappersDownToTheFailure() {
        IllegalStateException failure = new IllegalStateException("envelope short");
        Throwable wrapped = new EJBException(new ProcessEngineException("job failed", failure));

        assertThat(Failures.cause(wrapped)).isSameAs(failure);
    }

    @Test
    void shouldKeepAFailureThatIsNoWrapper() {
        IllegalStateException failure = new IllegalStateException("outer", new RuntimeException("inner"));

        assertThat(Failures.cause(failure)).isSameAs(failure);
    }

    @Test
    void shouldKeepAWrapperThatWrapsNothing() {
        EJBException empty = new EJBException("rolled back");
        ProcessEngineException engine = new ProcessEngineException("no cause");

        assertThat(Failures.cause(empty)).isSameAs(empty);
        assertThat(Failures.cause(engine)).isSameAs(engine);
    }
}
