package org.cofinance.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private static final Set<String> BALANCER = Set.of("10.0.0.5");

    @Test
    void shouldTakeTheConnectionsPeerWhenItIsNoTrustedBalancer() {
        assertThat(ClientAddress.of("203.0.113.9", "198.51.100.1", BALANCER)).isEqualTo("203.0.113.9");
        assertThat(ClientAddress.of("203.0.113.9", null, BALANCER)).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldTakeTheLastForwardedAddressNotABalancerWhenTheBalancerCalls() {
        // a client may prepend anything: only what the balancer appended counts
        assertThat(ClientAddress.of("10.0.0.5", "1.2.3.4, 198.51.100.7", BALANCER)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.0.0.5", "198.51.100.7, 10.0.0.5", BALANCER)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of("10.0.0.5", " , ", BALANCER)).isEqualTo("10.0.0.5");
    }

    @Test
    void shouldReadEveryFieldOfTheHeaderWhenTheBalancerAddsItsOwn() {
        // given a client's own X-Forwarded-For field, and the one the balancer added after it
        String forwarded = ClientAddress.forwardedFor(List.of("203.0.113.9", "198.51.100.7"));

        // then the address the balancer saw is taken, not the client's claim
        assertThat(ClientAddress.of("10.0.0.5", forwarded, BALANCER)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.forwardedFor(List.of())).isNull();
    }
}
