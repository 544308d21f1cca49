package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cofinance.domain.model.TestIds.withId;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cofinance.application.support.InMemoryProgrammes;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.Partner;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.request.ProjectDetails;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/** Who sees a request: officers and administrators all of them, others their organisation's funders or carriers. */
class CallerTest {

    private final Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
    private final Organisation lead = withId(new Organisation("Agrinova", OrganisationKind.COMPANY, null), 3L);
    private final Organisation lab = withId(new Organisation("Université", OrganisationKind.RESEARCH, null), 4L);
    private final Envelope tiga = withId(new Envelope("AMI-TIGA-SUB", "AMI", cdc, null, Money.euros(10_000_000),
            null, null), 10L);

    private final FundingRequest request = new FundingRequest("R", InMemoryProgrammes.amiTiga(),
            new ProjectDetails("Résidence", "Dijon", Theme.HOUSING, lead, Money.euros(1_000_000),
                    List.of(Partner.of(lab))),
            List.of(new PlanLineDraft(cdc, tiga, Instrument.SUBSIDY, Money.euros(500_000)),
                    new PlanLineDraft(lead, null, Instrument.SELF_FUNDING, Money.euros(500_000))), List.of(),
            "officer", Instant.parse("2026-11-26T09:00:00Z"));

    @Test
    void shouldShowARequestToItsFundersLeadAndPartnersAndToNoOtherOrganisation() {
        assertThat(new Caller("finance", Set.of(Role.FINANCE), 1L).sees(request)).as("its funder").isTrue();
        assertThat(new Caller("lead", Set.of(Role.FINANCE), 3L).sees(request)).as("its lead").isTrue();
        assertThat(new Caller("lab", Set.of(Role.APPROVER), 4L).sees(request)).as("its partner").isTrue();
        assertThat(new Caller("other", Set.of(Role.FINANCE), 5L).sees(request)).as("an outsider").isFalse();
        assertThat(new Caller("nobody", Set.of(Role.FINANCE), null).sees(request)).isFalse();
        assertThat(new Caller("officer", Set.of(Role.OFFICER), 9L).sees(request)).isTrue();
    }
}
