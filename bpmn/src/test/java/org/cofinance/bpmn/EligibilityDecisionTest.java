package org.cofinance.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo call's eligibility rules, each one alone and all together, with the reasons they give. */
class EligibilityDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = EligibilityDecisionTest.class.getResourceAsStream("/processes/eligibility.dmn")) {
            decision = engine.parseDecision("eligibility", dmn);
        }
    }

    /** 1 M€: 600 k€ public (200 k€ of them the lead's), 400 k€ private. */
    private static VariableMap facts() {
        return Variables.createVariables().putValue("theme", "ENERGY").putValue("eligibleCostCents", 100_000_000L)
                .putValue("publicCents", 60_000_000L).putValue("privateCents", 40_000_000L)
                .putValue("leadIsLocalAuthority", false).putValue("leadPublicCents", 0L);
    }

    private static List<String> reasons(Map<String, Object> facts) {
        return engine.evaluateDecisionTable(decision, facts).collectEntries("reason");
    }

    @Test
    void shouldFindABalancedRequestOfTheCallEligible() {
        assertThat(reasons(facts())).isEmpty();
    }

    @Test
    void shouldRefuseAThemeOutsideTheCall() {
        assertThat(reasons(facts().putValue("theme", "SPACE"))).containsExactly("THEME_NOT_IN_CALL");
    }

    @Test
    void shouldRefuseACostBelow100000EurosToTheCent() {
        VariableMap below = facts().putValue("eligibleCostCents", 9_999_999L).putValue("publicCents", 5_999_999L)
                .putValue("privateCents", 4_000_000L);
        VariableMap exactly = facts().putValue("eligibleCostCents", 10_000_000L).putValue("publicCents", 6_000_000L)
                .putValue("privateCents", 4_000_000L);

        assertThat(reasons(below)).containsExactly("COST_BELOW_100000");
        assertThat(reasons(exactly)).isEmpty();
    }

    @Test
    void shouldAcceptExactly80PercentOfPublicMoneyButNotOneCentMore() {
        VariableMap eighty = facts().putValue("publicCents", 80_000_000L).putValue("privateCents", 20_000_000L);
        VariableMap oneCentMore = facts().putValue("publicCents", 80_000_001L).putValue("privateCents", 19_999_999L);

        assertThat(reasons(eighty)).isEmpty();
        assertThat(reasons(oneCentMore)).containsExactlyInAnyOrder("PUBLIC_SHARE_ABOVE_80", "PRIVATE_SHARE_BELOW_20");
    }

    @Test
    void shouldAskALocalAuthorityLeadForAFifthOfThePublicMoney() {
        VariableMap tooLittle = facts().putValue("leadIsLocalAuthority", true).putValue("leadPublicCents",
                11_999_999L);
        VariableMap enough = facts().putValue("leadIsLocalAuthority", true).putValue("leadPublicCents", 12_000_000L);

        assertThat(reasons(tooLittle)).containsExactly("LEAD_AUTHORITY_SHARE_BELOW_20");
        assertThat(reasons(enough)).isEmpty();
    }

    @Test
    void shouldGiveEveryBrokenRuleAsAReason() {
        VariableMap everything = Variables.createVariables().putValue("theme", "SPACE")
                .putValue("eligibleCostCents", 5_000_000L).putValue("publicCents", 5_000_000L)
                .putValue("privateCents", 0L).putValue("leadIsLocalAuthority", true).putValue("leadPublicCents", 0L);

        assertThat(reasons(everything)).containsExactlyInAnyOrder("THEME_NOT_IN_CALL", "COST_BELOW_100000",
                "PUBLIC_SHARE_ABOVE_80", "PRIVATE_SHARE_BELOW_20", "LEAD_AUTHORITY_SHARE_BELOW_20");
    }
}
