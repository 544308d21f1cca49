package org.cofinance.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.NewRequest;
import org.cofinance.application.task.TaskAnswer;
import org.cofinance.application.task.TaskWork;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: the process engine works inside the JTA transaction of the call, so a task completion and the JPA
 * writes of the same call commit or roll back together.
 */
@ExtendWith(ArquillianExtension.class)
class TransactionIT {

    @Deployment
    static EnterpriseArchive ear() {
        return Deployments.builtEarWith(TransactionIT.class);
    }

    @Inject
    private TaskService taskService;

    @Inject
    private ManagementService managementService;

    @EJB
    private FundingRequestService requests;

    @EJB
    private TaskWork work;

    @EJB
    private EnvelopeService envelopes;

    @PersistenceContext(unitName = "cofinance")
    private EntityManager em;

    @Resource
    private UserTransaction transaction;

    @Test
    void shouldRollBackTheTaskCompletionAndTheEntityWrittenInTheSameFailedCall() throws Exception {
        // given a submitted request whose CDC decision task is open
        Long requestId;
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            requestId = requests.create(request(), null).id();
            requests.submit(requestId);
        }
        Task instruction = taskService.createTaskQuery()
                .processVariableValueEquals(FundingRequestProcess.REQUEST_ID, requestId)
                .taskDefinitionKey(FundingRequestProcess.INSTRUCT).singleResult();
        taskService.complete(instruction.getId(), Variables.createVariables()
                .putValueTyped(FundingRequestProcess.DECISION, Variables.stringValue("APPROVE", true)));
        // the reservation is a job of its own: run it here, unless the job executor runs it first (then the
        // engine refuses ours as a concurrent update, or finds no job left: either way it ran)
        for (Job job : managementService.createJobQuery().processInstanceId(instruction.getProcessInstanceId())
                .messages().list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (OptimisticLockingException | NullValueException ranByTheJobExecutor) {
                // the job executor ran it: the decision tasks are there all the same
            }
        }
        Long cdc = organisation(OrganisationKind.CDC);
        Task task = taskService.createTaskQuery()
                .processVariableValueEquals(FundingRequestProcess.REQUEST_ID, requestId)
                .taskCandidateGroup(FundingRequestProcess.approversGroup(cdc)).singleResult();
        assertNotNull(task, "the CDC's decision task");
        long organisationsBefore = countOrganisations();

        // when one call completes the task through the application, writes an entity, then fails
        long decisionsBefore = countDecisions(requestId);
        transaction.begin();
        try (SignedInUser.Scope approver = SignedInUser.signIn("cdc")) {
            work.complete(task.getId(), new TaskAnswer("APPROVE", null, null, null, null));
            assertEquals(0, taskService.createTaskQuery().taskId(task.getId()).count(),
                    "the task is completed inside the transaction");
            assertEquals(decisionsBefore + 1, countDecisions(requestId), "the decision is recorded inside it");
            em.persist(new Organisation("Written then rolled back", OrganisationKind.COMPANY, null));
            em.flush();
            throw new CallFailed();
        } catch (CallFailed expected) {
            transaction.rollback();
        }

        // then neither the completion, nor the decision, nor the entity remains
        assertEquals(1, taskService.createTaskQuery().taskId(task.getId()).count(), "the task is still open");
        assertEquals(decisionsBefore, countDecisions(requestId), "no decision remains");
        assertEquals(organisationsBefore, countOrganisations(), "no organisation was added");
    }

    @Test
    void shouldMailNobodyWhenTheStepThatQueuedTheMailsRollsBack() throws Exception {
        // given a draft
        Long requestId;
        String reference;
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            requestId = requests.create(request(), null).id();
            reference = requests.get(requestId).reference();
        }

        // when its submission creates the instruction task, which queues the officers' mails, and the call then fails
        transaction.begin();
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            requests.submit(requestId);
            assertTrue(mailsAbout(reference) > 0, "the instruction task's mails are queued inside the transaction");
            throw new CallFailed();
        } catch (CallFailed expected) {
            transaction.rollback();
        }

        // then no mail about it remains to be sent, and the request is still a draft
        assertEquals(0, mailsAbout(reference), "no mail remains queued");
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            assertEquals("DRAFT", requests.get(requestId).status());
        }
    }

    private long mailsAbout(String reference) {
        return ((Number) em.createNativeQuery("select count(*) from outgoing_mail where subject like ?1")
                .setParameter(1, "%" + reference).getSingleResult()).longValue();
    }

    /** The test's own failure: nothing in the application throws it. */
    private static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private long countDecisions(Long requestId) {
        return em.createQuery("select count(d) from Decision d where d.request.id = :r", Long.class)
                .setParameter("r", requestId).getSingleResult();
    }

    private NewRequest request() {
        Long cdc = organisation(OrganisationKind.CDC);
        Long fund = organisation(OrganisationKind.PRIVATE_INVESTOR);
        Long lead = organisation(OrganisationKind.COMPANY);
        return NewRequest.ofLead("Transaction test", "Dijon", "DIGITAL", lead, "1000000.00", List.of(
                new NewRequest.Line(cdc, OwnEnvelope.open(envelopes, "IT-TX-CDC", cdc, "400000.00"), "SUBSIDY",
                        "400000.00"),
                new NewRequest.Line(fund, OwnEnvelope.open(envelopes, "IT-TX-FUND", fund, "300000.00"), "EQUITY",
                        "300000.00"),
                new NewRequest.Line(lead, null, "SELF_FUNDING", "300000.00")));
    }

    private Long organisation(OrganisationKind kind) {
        return em.createQuery("select o.id from Organisation o where o.kind = :k order by o.id", Long.class)
                .setParameter("k", kind).setMaxResults(1).getSingleResult();
    }

    private long countOrganisations() {
        return em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
    }
}
