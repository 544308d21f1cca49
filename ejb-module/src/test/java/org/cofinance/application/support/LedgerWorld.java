package org.cofinance.application.support;

import static org.cofinance.domain.model.TestIds.withId;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cofinance.application.ledger.LedgerService;
import org.cofinance.application.ledger.PaymentCreditControl;
import org.cofinance.application.ledger.ReservationBatches;
import org.cofinance.application.ledger.ReservationBooking;
import org.cofinance.application.ledger.Reservations;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.request.ProjectDetails;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.shared.Money;

/**
 * A small world for the application's unit tests: three organisations, the AMI envelope split into subsidies, the
 * private fund's envelope, requests and the ledger kept in memory, and the ledger's services built on them as the
 * server builds them.
 */
public final class LedgerWorld {

    public static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final LockLog locks = new LockLog();
    public final InMemoryFundingRequests requests = new InMemoryFundingRequests(locks);
    public final InMemoryLedger ledger = new InMemoryLedger(locks);

    public final Organisation cdc = withId(new Organisation("CDC", OrganisationKind.CDC, null), 1L);
    public final Organisation fund = withId(new Organisation("Fund", OrganisationKind.PRIVATE_INVESTOR, null), 2L);
    public final Organisation lead = withId(new Organisation("Agrinova", OrganisationKind.COMPANY, null), 3L);
    /** 1,000 € in all, 700 € of it for subsidies. */
    public final Envelope tiga = ledger.keep(withId(new Envelope("AMI-TIGA", "AMI", cdc, null, Money.euros(1_000),
            null, null), 10L));
    public final Envelope subsidies = ledger.keep(withId(new Envelope("AMI-TIGA-SUB", "Subventions", cdc, tiga,
            Money.euros(700), null, null), 11L));
    /** 500 €. */
    public final Envelope immo = ledger.keep(withId(new Envelope("FONDS-IMMO", "Immo", fund, null, Money.euros(500),
            null, null), 12L));

    public final ReservationBooking booking = new ReservationBooking(requests, ledger.envelopeRepository,
            ledger.commitmentRepository, ledger.entryRepository, clock);
    public final Reservations reservations = new Reservations(new ReservationBatches(), booking);
    public final PaymentCreditControl paymentCredits = new PaymentCreditControl(ledger.creditRepository);
    public final LedgerService ledgerService = new LedgerService(requests, ledger.envelopeRepository,
            ledger.commitmentRepository, ledger.entryRepository, paymentCredits, clock);

    /**
     * A request in instruction asking {@code cdcEuros} of the subsidies and {@code fundEuros} of the fund, the lead
     * bringing the rest of a cost of {@code cdcEuros + fundEuros + 100} euros.
     */
    public FundingRequest requestInInstruction(long cdcEuros, long fundEuros) {
        FundingRequest request = submittedRequest(cdcEuros, fundEuros);
        request.passEligibility();
        return request;
    }

    /** The same request, submitted, its eligibility not checked yet. */
    public FundingRequest submittedRequest(long cdcEuros, long fundEuros) {
        FundingRequest request = new FundingRequest(requests.nextReference(2026), InMemoryProgrammes.amiTiga(), new ProjectDetails("Résidence",
                "Dijon", Theme.HOUSING, lead, Money.euros(cdcEuros + fundEuros + 100)), List.of(
                new PlanLineDraft(cdc, subsidies, Instrument.SUBSIDY, Money.euros(cdcEuros)),
                new PlanLineDraft(fund, immo, Instrument.EQUITY, Money.euros(fundEuros)),
                new PlanLineDraft(lead, null, Instrument.SELF_FUNDING, Money.euros(100))), List.of(), "officer", NOW);
        requests.add(request);
        request.submit("officer", NOW);
        return request;
    }
}
