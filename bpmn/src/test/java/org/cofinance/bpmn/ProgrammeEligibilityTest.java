package org.cofinance.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each programme's own rules, as the engine evaluates them from the deployment of the process: the RESIDENCE-300
 * scheme (housing, at least 1 M€, at least half private money, the law on a local-authority lead) beside the general
 * rules of the AMI, which the same facts may keep or break differently.
 */
class ProgrammeEligibilityTest {

    private static ProcessEngine engine;
    private static String deploymentId;

    @BeforeAll
    static void deploy() {
        engine = new StandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:programme-eligibility;DB_CLOSE_DELAY=-1").setJobExecutorActivate(false)
                .buildProcessEngine();
        ProcessModels.deploy(engine.getRepositoryService());
        ProcessDefinition process = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(FundingRequestProcess.KEY).latestVersion().singleResult();
        deploymentId = process.getDeploymentId();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** 2 M€ of housing: 1 M€ public, 1 M€ private, the lead a company. */
    private static VariableMap residence() {
        return Variables.createVariables().putValue("programme", "RESIDENCE-300").putValue("theme", "HOUSING")
                .putValue("eligibleCostCents", 200_000_000L).putValue("publicCents", 100_000_000L)
                .putValue("privateCents", 100_000_000L).putValue("leadIsLocalAuthority", false)
                .putValue("leadPublicCents", 0L);
    }

    private static List<String> reasons(String decisionKey, VariableMap facts) {
        RepositoryService repository = engine.getRepositoryService();
        String decisionId = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .deploymentId(deploymentId).singleResult().getId();
        DecisionService decisions = engine.getDecisionService();
        return decisions.evaluateDecisionTableById(decisionId, facts).collectEntries("reason");
    }

    private static List<String> residenceRules(VariableMap facts) {
        return reasons(FundingRequestProcess.eligibilityDecisionOf("RESIDENCE-300"), facts);
    }

    @Test
    void shouldDeployTheSchemesOwnRulesWithTheProcess() {
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(FundingRequestProcess.eligibilityDecisionOf("RESIDENCE-300"))
                .deploymentId(deploymentId).count()).isEqualTo(1);
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(FundingRequestProcess.eligibilityDecisionOf("AMI-TIGA"))
                .count()).as("the AMI keeps the general rules").isZero();
    }

    @Test
    void shouldFindAHalfPrivateHousingProjectOfTwoMillionEligible() {
        assertThat(residenceRules(residence())).isEmpty();
    }

    @Test
    void shouldAcceptExactlyHalfPrivateMoneyButNotOneCentLess() {
        VariableMap oneCentLess = residence().putValue("publicCents", 100_000_001L)
                .putValue("privateCents", 99_999_999L);

        assertThat(residenceRules(oneCentLess)).containsExactly("PRIVATE_SHARE_BELOW_50");
    }

    @Test
    void shouldRefuseLessThanAMillionWhichTheAmiTakes() {
        // given 999,999.99 € of housing, half private
        VariableMap small = residence().putValue("eligibleCostCents", 99_999_999L)
                .putValue("publicCents", 49_999_999L).putValue("privateCents", 50_000_000L);

        // then the scheme refuses it, the AMI's general rules keep it
        assertThat(residenceRules(small)).containsExactly("COST_BELOW_1000000");
        assertThat(reasons(FundingRequestProcess.ELIGIBILITY_DECISION, small)).isEmpty();
    }

    @Test
    void shouldRefuseAnotherThemeThanHousing() {
        assertThat(residenceRules(residence().putValue("theme", "ENERGY"))).containsExactly("THEME_NOT_IN_CALL");
    }

    @Test
    void shouldRefuseAPublicMajorityWhichTheAmiTakes() {
        // given 70 % public money
        VariableMap mostlyPublic = residence().putValue("publicCents", 140_000_000L)
                .putValue("privateCents", 60_000_000L);

        assertThat(residenceRules(mostlyPublic)).containsExactly("PRIVATE_SHARE_BELOW_50");
        assertThat(reasons(FundingRequestProcess.ELIGIBILITY_DECISION, mostlyPublic)).isEmpty();
    }

    @Test
    void shouldKeepTheLawOnALocalAuthorityLeadInTheScheme() {
        VariableMap authorityLead = residence().putValue("leadIsLocalAuthority", true)
                .putValue("leadPublicCents", 19_999_999L);

        assertThat(residenceRules(authorityLead)).containsExactly("LEAD_AUTHORITY_SHARE_BELOW_20");
        assertThat(residenceRules(authorityLead.putValue("leadPublicCents", 20_000_000L))).isEmpty();
    }
}
