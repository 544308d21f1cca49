package org.cofinance.interfaces.web.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlanBalanceTest {

    @Test
    void shouldTellWhatIsLeftToFinanceAndTheSharesAgainstTheCallsRules() {
        PlanBalance balance = new PlanBalance(new BigDecimal("12000000.00"), new BigDecimal("11000000.00"),
                new BigDecimal("10000000.00"), new BigDecimal("1000000.00"));

        assertThat(balance.getRemainingText()).isEqualTo("1000000.00");
        assertThat(balance.isBalanced()).isFalse();
        assertThat(balance.isPublicShareWithinRule()).isFalse();
        assertThat(balance.isPrivateShareWithinRule()).isFalse();
        PlanBalance balanced = new PlanBalance(new BigDecimal("10.00"), new BigDecimal("10.00"), new BigDecimal("8.00"),
                new BigDecimal("2.00"));
        assertThat(balanced.isBalanced()).isTrue();
        assertThat(balanced.isPublicShareWithinRule()).isTrue();
        assertThat(balanced.isPrivateShareWithinRule()).isTrue();
    }
}
