package org.cofinance.application.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.ledger.CommitmentView;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.support.InMemoryAmendments;
import org.cofinance.application.support.InMemoryIdempotentResponses;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.EligibilityFacts;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.RequestSearch;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class FundingRequestServiceTest {

    private final LedgerWorld world = new LedgerWorld();
    private final InMemoryOrganisations organisations = new InMemoryOrganisations(world.cdc, world.fund, world.lead);
    private final List<String> process = new ArrayList<>();
    private final List<String> running = new ArrayList<>();

    /** The process as the service drives it, remembering what it was asked. */
    private final RequestProcess processes = new RequestProcess() {
        @Override
        public String start(String reference, Long requestId, String programmeCode, String author) {
            process.add("start " + reference + " for " + requestId + " as " + author);
            running.add("pi-" + requestId);
            return "pi-" + requestId;
        }

        @Override
        public boolean isRunning(String processInstanceId) {
            return running.contains(processInstanceId);
        }

        @Override
        public void cancel(String processInstanceId, String author) {
            process.add("cancel " + processInstanceId + " as " + author);
        }

        @Override
        public String definitionOf(String processInstanceId) {
            return "funding-request:1";
        }

        @Override
        public String startAmendment(String businessKey, Long requestId, Long amendmentId, String programmeCode,
                                     String author) {
            process.add("start " + businessKey + " for amendment " + amendmentId + " as " + author);
            return "pi-amendment-" + amendmentId;
        }
    };

    private final RequestRules noRuleBroken = new RequestRules() {
        @Override
        public List<String> eligibilityReasons(EligibilityFacts facts, String processDefinitionId) {
            return List.of();
        }

        @Override
        public List<String> committeeLevels(OrganisationKind kind, Money amount, String processDefinitionId) {
            return List.of("COMMITTEE");
        }
    };

    private final RequestWorkflowService workflow = new RequestWorkflowService(world.requests, organisations,
            world.reservations, world.ledgerService, noRuleBroken, world.clock);

    private final FundingRequestService service = new FundingRequestService(world.requests,
            world.ledger.commitmentRepository, new InMemoryAmendments(world.locks),
            new RequestDrafts(organisations, world.ledger.envelopeRepository,
                    new InMemoryProgrammes()),
            processes, workflow, new Callers(new InMemoryUsers()),
            new IdempotencyStore(new InMemoryIdempotentResponses(), world.clock), world.clock);

    private static final Caller OFFICER = new Caller("officer", Set.of(Role.OFFICER), 1L);

    private static <T> T as(Caller caller, Supplier<T> call) {
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(caller)) {
            return call.get();
        }
    }

    /** 400 € of subsidies, 300 € of the fund, 100 € of the lead's own: a balanced plan of 800 €. */
    private NewRequest command(String title) {
        return NewRequest.ofLead(title, "Dijon Métropole", "HOUSING", world.lead.id(), "800.00", List.of(
                new NewRequest.Line(world.cdc.id(), "AMI-TIGA-SUB", "SUBSIDY", "400.00"),
                new NewRequest.Line(world.fund.id(), "FONDS-IMMO", "EQUITY", "300.00"),
                new NewRequest.Line(world.lead.id(), null, "SELF_FUNDING", "100.00")));
    }

    private static List<String> fields(ValidationException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    @Test
    void shouldRegisterADraftOnceForOneIdempotencyKeyAndRefuseTheKeyForAnotherBody() {
        FundingRequestService.Created first = as(OFFICER, () -> service.create(command("Résidence"), "key-1"));
        FundingRequestService.Created again = as(OFFICER, () -> service.create(command("Résidence"), "key-1"));

        assertThat(first.isNew()).isTrue();
        assertThat(again).isEqualTo(new FundingRequestService.Created(first.id(), false));
        assertThat(world.requests.find(first.id()).orElseThrow().status()).isEqualTo(RequestStatus.DRAFT);
        assertThat(world.requests.find(first.id()).orElseThrow().reference()).isEqualTo("CF-2026-000001");
        assertThatThrownBy(() -> as(OFFICER, () -> service.create(command("Autre"), "key-1")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(world.requests.count(new RequestSearch(null, null, null, null,
                null, null, null, null))).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyAnOfficerRegisterARequest() {
        Caller approver = new Caller("cdc", Set.of(Role.APPROVER), 1L);

        assertThatThrownBy(() -> as(approver, () -> service.create(command("Résidence"), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.create(command("Résidence"), null))
                .as("nobody signed in").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldNameEveryMistakeOfWhatWasTypedAtOnce() {
        NewRequest wrong = NewRequest.ofLead("Résidence", "Dijon", "SPACE", 99L, "800.001", List.of(
                new NewRequest.Line(world.cdc.id(), "NO-SUCH", "SUBSIDY", "-1"),
                new NewRequest.Line(null, null, "GIFT", "100.00")));

        ValidationException refused = (ValidationException) catchThrowable(
                () -> as(OFFICER, () -> service.create(wrong, null)));

        assertThat(fields(refused)).containsExactlyInAnyOrder("theme", "leadOrganisationId", "eligibleCost",
                "plan[0].envelopeCode", "plan[0].amount", "plan[1].organisationId", "plan[1].instrument");
    }

    @Test
    void shouldSubmitADraftAndStartItsProcessAsTheOfficer() {
        Long id = as(OFFICER, () -> service.create(command("Résidence"), null)).id();

        RequestView submitted = as(OFFICER, () -> service.submit(id));

        assertThat(submitted.status()).isEqualTo("SUBMITTED");
        assertThat(submitted.processInstanceId()).isEqualTo("pi-" + id);
        assertThat(process).containsExactly("start CF-2026-000001 for " + id + " as officer");
        assertThatThrownBy(() -> as(OFFICER, () -> service.submit(id))).hasMessageContaining("only a draft");
    }

    @Test
    void shouldCancelADraftAtOnceARunningRequestThroughItsProcessAndAnApprovedOneByReleasingItsMoney() {
        Long draft = as(OFFICER, () -> service.create(command("Brouillon"), null)).id();
        Long submitted = as(OFFICER, () -> service.create(command("Soumise"), null)).id();
        as(OFFICER, () -> service.submit(submitted));
        FundingRequest approved = world.requestInInstruction(300, 100);
        workflow.reserve(approved.id(), "r", "officer");
        workflow.approve(approved.id(), "a", "cdc");

        assertThat(as(OFFICER, () -> service.cancel(draft, "abandoned")).status()).isEqualTo("CANCELLED");
        as(OFFICER, () -> service.cancel(submitted, "withdrawn"));
        RequestView cancelled = as(OFFICER, () -> service.cancel(approved.id(), "the lead withdrew"));

        assertThat(process).contains("cancel pi-" + submitted + " as officer");
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(world.subsidies.available()).isEqualTo(Money.euros(700));
        assertThatThrownBy(() -> as(OFFICER, () -> service.cancel(draft, " "))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(OFFICER, () -> service.cancel(draft, "again")))
                .hasMessageContaining("can no longer be cancelled");
    }

    @Test
    void shouldShowARequestOnlyToWhoeverMaySeeIt() {
        Long id = as(OFFICER, () -> service.create(command("Résidence"), null)).id();
        Caller fundApprover = new Caller("investor", Set.of(Role.APPROVER), world.fund.id());
        Caller otherApprover = new Caller("region", Set.of(Role.APPROVER), 4L);

        assertThat(as(fundApprover, () -> service.get(id)).title()).isEqualTo("Résidence");
        assertThatThrownBy(() -> as(otherApprover, () -> service.get(id))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(OFFICER, () -> service.get(424242L))).isInstanceOf(NotFoundException.class);

        Page<RequestView> seen = as(otherApprover, () -> service.search(RequestCriteria.none(), Paging.of(0, 10)));
        assertThat(seen.total()).isZero();
        assertThat(as(fundApprover, () -> service.search(RequestCriteria.none(), Paging.of(0, 10))).total())
                .isEqualTo(1);
        assertThatThrownBy(() -> as(OFFICER, () -> service.list("WAITING", null, Paging.of(0, 10))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldListEachRequestOfAPageWithItsOwnCommitmentsAsItsPageShowsThem() {
        // given two requests whose reservations differ, and a draft with none
        FundingRequest small = world.requestInInstruction(300, 100);
        FundingRequest large = world.requestInInstruction(200, 50);
        workflow.reserve(small.id(), "r-small", "officer");
        workflow.reserve(large.id(), "r-large", "officer");
        Long draft = as(OFFICER, () -> service.create(command("Brouillon"), null)).id();

        // when the officer lists them
        Page<RequestView> page = as(OFFICER, () -> service.search(RequestCriteria.none(), Paging.of(0, 10)));

        // then each one carries what its own page shows
        assertThat(page.items()).extracting(RequestView::id).containsExactly(draft, large.id(), small.id());
        for (RequestView listed : page.items()) {
            assertThat(listed).isEqualTo(as(OFFICER, () -> service.get(listed.id())));
        }
        assertThat(page.items().get(1).commitments()).extracting(CommitmentView::reserved)
                .containsExactly("200.00", "50.00");
        assertThat(page.items().get(2).commitments()).extracting(CommitmentView::reserved)
                .containsExactly("300.00", "100.00");
        assertThat(page.items().get(0).commitments()).isEmpty();
    }
}
