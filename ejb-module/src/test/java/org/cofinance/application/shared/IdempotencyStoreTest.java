package org.cofinance.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cofinance.application.support.InMemoryIdempotentResponses;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

    private final IdempotencyStore store = new IdempotencyStore(new InMemoryIdempotentResponses(),
            Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void shouldReplayTheFirstAnswerToTheSameKeyOperationAndBody() {
        // given a creation remembered under a key
        store.remember("officer", "k-1", "create-request", "body", 201, 42L);

        // when the same call comes again, then it answers the first resource
        assertThat(store.replay("officer", "k-1", "create-request", "body")).contains(42L);
        assertThat(store.replay("cdc", "k-1", "create-request", "body")).as("keys are per user").isEmpty();
    }

    @Test
    void shouldRefuseAKeyReusedWithAnotherBody() {
        store.remember("officer", "k-1", "create-request", "body", 201, 42L);

        assertThatThrownBy(() -> store.replay("officer", "k-1", "create-request", "another body"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void shouldRefuseAKeyReusedOnAnotherOperationRatherThanStoreItTwice() {
        // given a key that created a request
        store.remember("officer", "k-1", "create-request", "body", 201, 42L);

        // when the same user sends it with a disbursement, then it is refused as a reused key
        assertThatThrownBy(() -> store.replay("officer", "k-1", "request-disbursement:7", "body"))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void shouldRefuseABlankOrOverlongKeyNamingTheHeader() {
        assertThatThrownBy(() -> store.replay("officer", " ", "create-request", "body"))
                .hasMessageContaining("Idempotency-Key");
        assertThatThrownBy(() -> store.replay("officer", "k".repeat(201), "create-request", "body"))
                .hasMessageContaining("Idempotency-Key");
    }
}
