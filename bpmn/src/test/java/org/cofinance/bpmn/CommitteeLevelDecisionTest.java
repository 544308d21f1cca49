package org.cofinance.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which committee levels decide, by kind of funder and amount, in the order they decide; thresholds to the cent. */
class CommitteeLevelDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = CommitteeLevelDecisionTest.class.getResourceAsStream(
                "/processes/committee-level.dmn")) {
            decision = engine.parseDecision("committee-level", dmn);
        }
    }

    private static List<String> levels(String kind, long cents) {
        return engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("organisationKind", kind)
                .putValue("amountCents", cents)).collectEntries("level");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CDC|100000000|REGIONAL_DIRECTOR",
            "CDC|100000001|NATIONAL_COMMITTEE",
            "CDC|1000000000|NATIONAL_COMMITTEE",
            "CDC|1000000001|NATIONAL_COMMITTEE,BOARD",
            "REGION|100000000|EXECUTIVE",
            "METROPOLIS|100000001|COUNCIL",
            "MUNICIPALITY|5000|EXECUTIVE",
            "PRIVATE_INVESTOR|2000000000|INVESTMENT_COMMITTEE",
            "PRIVATE_INVESTOR|2000000001|INVESTMENT_COMMITTEE,SUPERVISORY_BOARD",
            "COMPANY|100|INVESTMENT_COMMITTEE",
            "STATE|900000000000|COMMITTEE",
            "EU|100|COMMITTEE"})
    void shouldNameTheLevelsThatDecideInTheirOrder(String kind, long cents, String expected) {
        assertThat(levels(kind, cents)).containsExactly(expected.split(","));
    }
}
