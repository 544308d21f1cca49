package org.cofinance.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The names {@link FundingRequestProcess} gives are the ones the models use, no more and no fewer. */
class FundingRequestProcessVocabularyTest {

    private static BpmnModelInstance process;
    private static String processText;

    @BeforeAll
    static void readModel() throws Exception {
        try (InputStream in = resource("processes/funding-request.bpmn")) {
            processText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        process = Bpmn.readModelFromStream(new ByteArrayInputStream(processText.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldNameTheProcessAndItsCancellationMessage() {
        assertThat(ids(process.getModelElementsByType(Process.class))).containsExactly(FundingRequestProcess.KEY);
        assertThat(process.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(FundingRequestProcess.CANCEL_MESSAGE);
    }

    @Test
    void shouldNameEveryUserTaskOfTheModel() {
        assertThat(ids(process.getModelElementsByType(UserTask.class)))
                .containsExactlyInAnyOrderElementsOf(FundingRequestProcess.USER_TASKS);
    }

    @Test
    void shouldNameEveryDelegateTheServiceTasksCall() {
        Set<String> delegates = new TreeSet<>();
        for (ServiceTask task : process.getModelElementsByType(ServiceTask.class)) {
            delegates.add(beanOf(task.getCamundaDelegateExpression()));
        }
        assertThat(delegates).containsExactlyInAnyOrderElementsOf(FundingRequestProcess.DELEGATES);
    }

    @Test
    void shouldCallTheConditionsFacadeAndReadOnlyTheVariablesItNames() {
        Set<String> beansInExpressions = new TreeSet<>();
        Matcher call = Pattern.compile("\\$\\{!?(\\w+)\\.").matcher(processText);
        while (call.find()) {
            beansInExpressions.add(call.group(1));
        }
        assertThat(beansInExpressions).containsOnly(FundingRequestProcess.FUNDING_DECISIONS);

        Set<String> elementVariables = new TreeSet<>();
        for (MultiInstanceLoopCharacteristics loop
                : process.getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
            elementVariables.add(loop.getCamundaElementVariable());
        }
        assertThat(elementVariables).containsExactlyInAnyOrder(FundingRequestProcess.ORGANISATION_ID,
                FundingRequestProcess.LEVEL, FundingRequestProcess.TRANCHE_ID);
        assertThat(processText).contains("${!" + FundingRequestProcess.ELIGIBLE + "}",
                "${!" + FundingRequestProcess.RESERVATION_FITS + "}",
                "${" + FundingRequestProcess.DECISION + " == 'REJECT'}",
                "(" + FundingRequestProcess.REQUEST_ID + ")",
                "candidateGroups=\"" + FundingRequestProcess.OFFICERS_GROUP + "\"",
                "candidateGroups=\"" + FundingRequestProcess.FINANCE_GROUP_PREFIX
                        + "${" + FundingRequestProcess.ORGANISATION_ID + "}\"",
                "candidateGroups=\"" + FundingRequestProcess.APPROVERS_GROUP_PREFIX
                        + "${" + FundingRequestProcess.ORGANISATION_ID + "}\"");
    }

    @Test
    void shouldNameTheDecisionsDeployedWithTheProcess() throws Exception {
        Set<String> decisions = new TreeSet<>();
        for (String name : ProcessModels.RESOURCES) {
            if (name.endsWith(".dmn")) {
                try (InputStream in = resource(name)) {
                    decisions.addAll(ids(Dmn.readModelFromStream(in).getModelElementsByType(Decision.class)));
                }
            }
        }
        assertThat(decisions).containsExactlyInAnyOrder(FundingRequestProcess.ELIGIBILITY_DECISION,
                FundingRequestProcess.eligibilityDecisionOf("RESIDENCE-300"),
                FundingRequestProcess.COMMITTEE_LEVEL_DECISION);
    }

    @Test
    void shouldReadTheOrganisationBackFromItsApproversGroupOnly() {
        assertThat(FundingRequestProcess.organisationOfApprovers(FundingRequestProcess.approversGroup(12L)))
                .contains(12L);
        assertThat(FundingRequestProcess.organisationOfApprovers(FundingRequestProcess.OFFICERS_GROUP)).isEmpty();
        assertThat(FundingRequestProcess.organisationOfApprovers("approvers-x")).isEmpty();
        assertThat(FundingRequestProcess.organisationOfApprovers(null)).isEmpty();
    }

    private static String beanOf(String expression) {
        assertThat(expression).matches("\\$\\{\\w+}");
        return expression.substring(2, expression.length() - 1);
    }

    private static Set<String> ids(Collection<? extends ModelElementInstance> elements) {
        Set<String> ids = new TreeSet<>();
        for (var element : elements) {
            ids.add(element instanceof BaseElement base ? base.getId() : element.getAttributeValue("id"));
        }
        return ids;
    }

    private static InputStream resource(String name) {
        return FundingRequestProcessVocabularyTest.class.getClassLoader().getResourceAsStream(name);
    }
}
