package org.cofinance.infrastructure.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.document.DocumentService;
import org.cofinance.application.document.NewDocument;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.NewRequest;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.task.TaskAnswer;
import org.cofinance.application.task.TaskCriteria;
import org.cofinance.application.task.TaskListService;
import org.cofinance.application.task.TaskView;
import org.cofinance.application.task.TaskWork;
import org.cofinance.bpmn.FundingRequestProcess;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.infrastructure.persistence.StartupLock;

/**
 * The demo profile's requests, so that a newcomer can play every role at once: a dozen requests in every stage
 * across several territories, driven through the real services and workflow by the demo users. Loaded once, after
 * the engine and the demo data, only with {@code -Dcofinance.demo=true}. Each step commits on its own, as a user's
 * would.
 */
@Singleton
@Startup
@DependsOn("ProcessEngineBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoRequests {

    private static final Logger LOG = Logger.getLogger(DemoRequests.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private FundingRequestService requests;

    @EJB
    private TaskListService tasks;

    @EJB
    private TaskWork work;

    @EJB
    private DocumentService documents;

    @Inject
    private ManagementService managementService;

    /** The schema owner's connections, outside the transactions: the lock that lets one node load the demo. */
    @Resource(lookup = "java:jboss/datasources/CofinanceOwnerDS")
    private DataSource ownerDataSource;


    @PostConstruct
    void load() {
        if (!Boolean.getBoolean("cofinance.demo")) {
            return;
        }
        try (StartupLock loading = StartupLock.acquire(ownerDataSource)) {
            if (em.createQuery("select count(r) from FundingRequest r", Long.class).getSingleResult() == 0) {
                loadRequests();
            }
        }
    }

    private void loadRequests() {
        long cdc = organisation("Caisse des Dépôts");
        long fund = organisation("Fonds Résidence");
        long region = organisation("Région");
        long metropole = organisation("Dijon Métropole");
        long university = organisation("Université");
        long company = organisation("Agrinova");

        draft("Serres urbaines du Grand Dijon", "Dijon Métropole", "AGRI_FOOD", company, cdc, "AMI-TIGA-SUB", 400_000);
        draft("Campus santé connectée", "Besançon", "HEALTH", university, cdc, "AMI-TIGA-SUB", 900_000);
        submitted("Réseau de chaleur bois-énergie", "Quetigny", "ENERGY", company, cdc, "AMI-TIGA-SUB", 1_200_000);
        ineligible("Borne numérique de quartier", "Quetigny", company, cdc);
        long mobility = instructed("Navettes autonomes du plateau", "Dijon Métropole", "MOBILITY", company, cdc,
                "AMI-TIGA-SUB", 2_500_000);
        long skills = instructed("Académie des métiers du numérique", "Besançon", "SKILLS", university, cdc,
                "AMI-TIGA-EQ", 1_800_000);
        decide(skills, "cdc", "APPROVE");
        long residence = residence(company, university, organisation("Association"), cdc, fund, region);
        payFirstTranche(residence, List.of(new TaskAnswer.Actual("RESEARCHERS", "120"),
                new TaskAnswer.Actual("HOUSING_UNITS", "150")));
        long housing = approved("Éco-quartier des Maraîchers", "Dijon Métropole", company, cdc, fund, region);
        payFirstTranche(housing, List.of(new TaskAnswer.Actual("JOBS", "12.5"),
                new TaskAnswer.Actual("COMPANIES", "3")));
        long rejected = instructedThree("Data center régional", "Dole", "DIGITAL", company, cdc, fund, region);
        decide(rejected, "investor", "REJECT");
        long revised = instructedThree("Maison de la santé", "Besançon", "HEALTH", company, cdc, fund, region);
        decide(revised, "cdc", "APPROVE");
        decide(revised, "investor", "APPROVE");
        decide(revised, "region", "REQUEST_CHANGES");
        long cancelled = instructed("Fablab itinérant", "Quetigny", "SKILLS", company, cdc, "AMI-TIGA-SUB", 300_000);
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            requests.cancel(cancelled, "le porteur s'est retiré");
        }
        instructed("Tramway vers le campus", "Dijon Métropole", "MOBILITY", company, metropole, "DIJON-METRO",
                16_000_000);
        LOG.info("Demo requests loaded: drafts, submitted, ineligible, awaiting decisions, approved, paid, rejected, "
                + "to revise, cancelled, in arbitration (requests " + mobility + " to " + residence + " and on)");
    }

    private long organisation(String nameStart) {
        return em.createQuery("select o from Organisation o where o.name like :n order by o.id", Organisation.class)
                .setParameter("n", nameStart + "%").setMaxResults(1).getSingleResult().id();
    }

    /** One public line and the lead's own share, the same amount plus 100,000 €: eligible. */
    private NewRequest oneFunder(String title, String territory, String theme, long lead, long funder,
                                 String envelope, long euros) {
        long own = euros + 100_000;
        return NewRequest.ofLead(title, territory, theme, lead, (euros + own) + ".00", List.of(
                new NewRequest.Line(funder, envelope, "SUBSIDY", euros + ".00"),
                new NewRequest.Line(lead, null, "SELF_FUNDING", own + ".00")));
    }

    private NewRequest threeFunders(String title, String territory, String theme, long lead, long cdc, long fund,
                                    long region) {
        return new NewRequest(title, territory, theme, lead, "12000000.00", List.of(
                new NewRequest.Line(cdc, "AMI-TIGA-SUB", "SUBSIDY", "4000000.00"),
                new NewRequest.Line(fund, "FONDS-IMMO", "EQUITY", "3000000.00"),
                new NewRequest.Line(region, "REGION-BFC", "SUBSIDY", "2000000.00"),
                new NewRequest.Line(lead, null, "SELF_FUNDING", "3000000.00")), null, List.of(),
                List.of(new NewRequest.Target("JOBS", "40"), new NewRequest.Target("COMPANIES", "5")));
    }

    /**
     * The private fund's scheme: a coalition of the company leading it, the university and an association, each
     * bringing its own money beside the three funders — half of it private, as the scheme asks.
     */
    private long residence(long lead, long university, long association, long cdc, long fund, long region) {
        long id = submit(new NewRequest("Résidence de 300 chercheurs", "Dijon Métropole", "HOUSING", lead,
                "12000000.00", List.of(
                new NewRequest.Line(cdc, "AMI-TIGA-SUB", "SUBSIDY", "4000000.00"),
                new NewRequest.Line(fund, "FONDS-IMMO", "EQUITY", "3000000.00"),
                new NewRequest.Line(region, "REGION-BFC", "SUBSIDY", "2000000.00"),
                new NewRequest.Line(lead, null, "SELF_FUNDING", "2000000.00"),
                new NewRequest.Line(university, null, "SELF_FUNDING", "800000.00"),
                new NewRequest.Line(association, null, "SELF_FUNDING", "200000.00")), "RESIDENCE-300",
                List.of(new NewRequest.Partner(university, "0.20"), NewRequest.Partner.of(association)),
                List.of(new NewRequest.Target("RESEARCHERS", "300"), new NewRequest.Target("HOUSING_UNITS", "300"))));
        answer(id, "officer", FundingRequestProcess.INSTRUCT, "APPROVE");
        for (String approver : List.of("cdc", "investor", "region")) {
            decide(id, approver, "APPROVE");
        }
        return id;
    }

    /** A one-page PDF the officer keeps with the request: the signed convention, a milestone's evidence. */
    private void document(long requestId, String kind, Long trancheId, String name) {
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] "
                + "/Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            documents.upload(requestId, new NewDocument(kind, trancheId == null ? null : trancheId.toString(), name,
                    new ByteArrayInputStream(pdf)));
        }
    }

    private long create(NewRequest request) {
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            return requests.create(request, null).id();
        }
    }

    private void draft(String title, String territory, String theme, long lead, long funder, String envelope,
                       long euros) {
        create(oneFunder(title, territory, theme, lead, funder, envelope, euros));
    }

    private long submit(NewRequest request) {
        long id = create(request);
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            requests.submit(id);
        }
        return id;
    }

    private void submitted(String title, String territory, String theme, long lead, long funder, String envelope,
                           long euros) {
        submit(oneFunder(title, territory, theme, lead, funder, envelope, euros));
    }

    private void ineligible(String title, String territory, long lead, long funder) {
        submit(NewRequest.ofLead(title, territory, "DIGITAL", lead, "60000.00", List.of(
                new NewRequest.Line(funder, "AMI-TIGA-SUB", "SUBSIDY", "50000.00"),
                new NewRequest.Line(lead, null, "SELF_FUNDING", "10000.00"))));
    }

    private long instructed(String title, String territory, String theme, long lead, long funder, String envelope,
                            long euros) {
        long id = submit(oneFunder(title, territory, theme, lead, funder, envelope, euros));
        answer(id, "officer", FundingRequestProcess.INSTRUCT, "APPROVE");
        return id;
    }

    private long instructedThree(String title, String territory, String theme, long lead, long cdc, long fund,
                                 long region) {
        long id = submit(threeFunders(title, territory, theme, lead, cdc, fund, region));
        answer(id, "officer", FundingRequestProcess.INSTRUCT, "APPROVE");
        return id;
    }

    private long approved(String title, String territory, long lead, long cdc, long fund, long region) {
        long id = instructedThree(title, territory, "HOUSING", lead, cdc, fund, region);
        for (String approver : List.of("cdc", "investor", "region")) {
            decide(id, approver, "APPROVE");
        }
        return id;
    }

    private void decide(long requestId, String approver, String decision) {
        answer(requestId, approver, FundingRequestProcess.DECIDE, decision);
    }

    private void answer(long requestId, String user, String taskType, String decision) {
        answer(requestId, user, taskType, decision, null);
    }

    private void answer(long requestId, String user, String taskType, String decision, String comment) {
        answer(requestId, user, taskType, new TaskAnswer(decision, null, comment, null, null));
    }

    private void answer(long requestId, String user, String taskType, TaskAnswer answer) {
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(user)) {
            Page<TaskView> mine = tasks.list(requestId, TaskCriteria.all(), Paging.of(0, 50));
            TaskView task = mine.items().stream().filter(t -> t.taskType().equals(taskType)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + taskType + " task for " + user));
            work.complete(task.id(), answer);
        }
        runAsynchronousSteps(requestId);
    }

    /**
     * Runs at once the jobs the answer left (the reservation), so that the next step finds the request where it
     * expects it. This node's job executor starts only after the demo ({@code JobExecutorStart}), but each step
     * commits on its own (the reservation is booked in a transaction of its own and needs the request committed), so
     * another node's executor may see the jobs: when the engine refuses our run as a concurrent update (that executor
     * has just locked the job), the job is run again, until none is left.
     */
    private void runAsynchronousSteps(long requestId) {
        String instance = em.find(FundingRequest.class, requestId).processInstanceId();
        for (int attempt = 1; attempt <= 10; attempt++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(instance).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (OptimisticLockingException | NullValueException lockedOrRunElsewhere) {
                    LOG.fine(() -> "job " + job.getId() + " is being locked or run by the job executor");
                }
            }
        }
        throw new IllegalStateException("the jobs of request " + requestId + " could not be run");
    }

    /**
     * The convention signed and its first tranche (30 % on signature) paid through the workflow, each funder's finance
     * paying its share; the evidence reports the first actuals of the project's impact.
     */
    private void payFirstTranche(long requestId, List<TaskAnswer.Actual> actuals) {
        document(requestId, "CONVENTION_SIGNED", null, "convention-signee.pdf");
        answer(requestId, "officer", FundingRequestProcess.SIGN_CONVENTION, "APPROVE");
        Long firstTranche;
        try (SignedInUser.Scope officer = SignedInUser.signIn("officer")) {
            firstTranche = requests.get(requestId).tranches().get(0).id();
        }
        document(requestId, "EVIDENCE", firstTranche, "pv-de-demarrage.pdf");
        answer(requestId, "officer", FundingRequestProcess.RECORD_EVIDENCE, new TaskAnswer("APPROVE", null,
                "Convention signée le jour même : 30 % à la signature", null, actuals));
        for (String finance : List.of("finance", "finance-investor", "finance-region")) {
            answer(requestId, finance, FundingRequestProcess.VALIDATE_PAYMENT, "APPROVE");
        }
    }
}
