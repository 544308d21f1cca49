package org.cofinance.application.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.application.request.RequestView.IndicatorView;
import org.cofinance.application.request.RequestView.PartnerView;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.TestIds;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.ImpactTarget;
import org.cofinance.domain.model.request.IndicatorValue;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.Partner;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.request.ProjectDetails;
import org.cofinance.domain.model.shared.Money;
import org.junit.jupiter.api.Test;

/** What a client reads of a request: its coalition with each partner's share, and its impact, target and actual. */
class RequestViewTest {

    private final LedgerWorld world = new LedgerWorld();
    private final Organisation lab = TestIds.withId(new Organisation("Université", OrganisationKind.RESEARCH, null),
            4L);

    private FundingRequest contractedWithTargets() {
        FundingRequest request = new FundingRequest(world.requests.nextReference(2026), InMemoryProgrammes.amiTiga(),
                new ProjectDetails("Résidence", "Dijon", Theme.HOUSING, world.lead, Money.euros(500),
                        List.of(new Partner(lab, new BigDecimal("0.25")), Partner.of(world.fund))),
                List.of(new PlanLineDraft(world.cdc, world.subsidies, Instrument.SUBSIDY, Money.euros(300)),
                        new PlanLineDraft(world.lead, null, Instrument.SELF_FUNDING, Money.euros(200))),
                List.of(new ImpactTarget("RESEARCHERS", new BigDecimal("300")),
                        new ImpactTarget("JOBS", new BigDecimal("12.50"))), "officer", LedgerWorld.NOW);
        world.requests.add(request);
        request.submit("officer", LedgerWorld.NOW);
        request.passEligibility();
        world.reservations.reservePlan(request.id(), "r", "officer");
        request.awaitDecisions();
        world.ledgerService.postCommitments(request.id(), "p", "cdc");
        request.approve();
        request.signConvention("officer", LedgerWorld.NOW, LocalDate.of(2026, 12, 1));
        return request;
    }

    @Test
    void shouldShowTheTargetsInTheirOrderThenTheIndicatorsReportedWithoutATarget() {
        FundingRequest request = contractedWithTargets();
        request.reportActuals(request.tranches().get(0), List.of(new IndicatorValue("JOBS", new BigDecimal("4.0")),
                new IndicatorValue("COMPANIES", new BigDecimal("2"))), "officer", LedgerWorld.NOW);
        request.reportActuals(request.tranches().get(0), List.of(new IndicatorValue("JOBS", new BigDecimal("6"))),
                "officer", LedgerWorld.NOW.plusSeconds(60));

        RequestView view = RequestView.of(request, List.of(), List.of(), List.of(), List.of());

        assertThat(view.indicators()).containsExactly(
                new IndicatorView("RESEARCHERS", "Chercheurs", "persons", "300", null),
                new IndicatorView("JOBS", "Emplois", "ETP", "12.5", "6"),
                new IndicatorView("COMPANIES", "Entreprises", "number", null, "2"));
    }

    @Test
    void shouldShowTheCoalitionAndTheRequestsFacts() {
        FundingRequest request = contractedWithTargets();

        RequestView view = RequestView.of(request, world.ledger.commitments(), List.of(), List.of(), List.of());

        assertThat(view.partners()).containsExactly(new PartnerView(4L, "Université", "0.25"),
                new PartnerView(world.fund.id(), "Fund", null));
        assertThat(view.programmeCode()).isEqualTo("AMI-TIGA");
        assertThat(view.status()).isEqualTo("CONTRACTED");
        assertThat(view.eligibleCost()).isEqualTo("500.00");
        assertThat(view.leadOrganisationId()).isEqualTo(world.lead.id());
        assertThat(view.theme()).isEqualTo("HOUSING");
        assertThat(view.conventionSignedBy()).isEqualTo("officer");
        assertThat(view.createdBy()).isEqualTo("officer");
        assertThat(view.submittedAt()).isEqualTo(LedgerWorld.NOW);
        assertThat(view.plan()).hasSize(2);
        assertThat(view.commitments()).hasSize(1);
        assertThat(view.tranches()).hasSize(3);
        assertThat(view.indicators()).extracting(IndicatorView::actual).containsOnlyNulls();
    }
}
