package org.cofinance.application.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.support.InMemoryOrganisations;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.LedgerWorld;
import org.cofinance.domain.model.ledger.CeilingBelowUsageException;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class EnvelopeServiceTest {

    private final LedgerWorld world = new LedgerWorld();
    private final EnvelopeService service = new EnvelopeService(world.ledger.envelopeRepository,
            world.ledger.entryRepository, new InMemoryOrganisations(world.cdc, world.fund, world.lead),
            world.ledger.creditRepository, this::forecastLines, new Callers(new InMemoryUsers()), world.clock);

    private List<Forecasts.Line> lines = List.of();

    private List<Forecasts.Line> forecastLines(Forecasts.Criteria criteria) {
        assertThat(criteria.organisationFilter()).isZero();
        return lines.stream().filter(l -> l.envelope().startsWith(criteria.envelopeCode())).toList();
    }

    private static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null);

    private static <T> T as(Caller caller, Supplier<T> call) {
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(caller)) {
            return call.get();
        }
    }

    @Test
    void shouldShowAnApproverHisOrganisationsEnvelopesOnly() {
        Caller investor = new Caller("investor", Set.of(Role.APPROVER), world.fund.id());

        assertThat(as(investor, () -> service.list(Paging.of(0, 50))).items()).extracting(EnvelopeView::code)
                .containsExactly("FONDS-IMMO");
        assertThat(as(ADMIN, () -> service.list(Paging.of(0, 50))).total()).isEqualTo(3);
        assertThatThrownBy(() -> as(investor, () -> service.get(world.tiga.id())))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(ADMIN, () -> service.get(world.tiga.id())).children()).extracting(EnvelopeView::code)
                .containsExactly("AMI-TIGA-SUB");
    }

    @Test
    void shouldOpenASubEnvelopeWithItsOpeningCeilingAsItsFirstEntry() {
        EnvelopeService.NewEnvelope equity = new EnvelopeService.NewEnvelope("AMI-TIGA-EQ", "Fonds propres",
                world.cdc.id(), "300.00", "AMI-TIGA", "2026-01-01", "2030-12-31");

        EnvelopeView opened = as(ADMIN, () -> service.create(equity));

        assertThat(opened.parentCode()).isEqualTo("AMI-TIGA");
        assertThat(opened.ceiling()).isEqualTo("300.00");
        assertThat(world.ledger.entries()).extracting(LedgerEntry::kind).containsExactly(EntryKind.AMEND);
        assertThat(world.locks.locks()).containsExactly("envelope 10");
    }

    @Test
    void shouldRefuseAnEnvelopeThatBreaksTheRulesNamingEveryField() {
        EnvelopeService.NewEnvelope wrong = new EnvelopeService.NewEnvelope("AMI-TIGA", " ", world.fund.id(),
                "1,5", "AMI-TIGA", "2026-02-30", null);

        ValidationException refused = (ValidationException) catchThrowable(() -> as(ADMIN,
                () -> service.create(wrong)));

        assertThat(refused.violations()).extracting(Violation::field).containsExactlyInAnyOrder("code", "name",
                "ceiling", "parentCode", "validFrom");
        EnvelopeService.NewEnvelope tooLarge = new EnvelopeService.NewEnvelope("AMI-TIGA-XL", "XL", world.cdc.id(),
                "1000.01", "AMI-TIGA", null, null);
        assertThatThrownBy(() -> as(ADMIN, () -> service.create(tooLarge))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("does not fit inside the parent");
        assertThatThrownBy(() -> as(new Caller("finance", Set.of(Role.FINANCE), 1L), () -> service.create(tooLarge)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(world.ledger.entries()).isEmpty();
    }

    @Test
    void shouldAmendACeilingOnceForOneKeyAndNeverBelowWhatTheEnvelopeHolds() {
        world.reservations.reserve(world.immo.id(), world.requestInInstruction(100, 100).id(), world.fund.id(),
                Instrument.EQUITY, Money.euros(400), "k", "officer");

        EntryView amended = as(ADMIN, () -> service.amend(world.immo.id(), "600.00", "avenant n°1", "key"));
        EntryView again = as(ADMIN, () -> service.amend(world.immo.id(), "600.00", "avenant n°1", "key"));

        assertThat(again.id()).isEqualTo(amended.id());
        assertThat(world.immo.ceiling()).isEqualTo(Money.euros(600));
        assertThatThrownBy(() -> as(ADMIN, () -> service.amend(world.immo.id(), "700.00", "x", "key")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThatThrownBy(() -> as(ADMIN, () -> service.amend(world.immo.id(), "399.99", "too low", null)))
                .isInstanceOf(CeilingBelowUsageException.class);
        assertThatThrownBy(() -> as(ADMIN, () -> service.amend(world.immo.id(), "500.00", "", null)))
                .isInstanceOf(ValidationException.class);
        assertThat(world.immo.ceiling()).isEqualTo(Money.euros(600));
    }

    @Test
    void shouldSetAYearsPaymentCreditsAsAnAdministratorAndShowThemWithWhatWasPaid() {
        // when the administrator sets the 2027 credits twice, then the last counts and the envelope shows it
        as(ADMIN, () -> service.setPaymentCredits(world.tiga.id(), "2027", "400.00"));
        EnvelopeView shown = as(ADMIN, () -> service.setPaymentCredits(world.tiga.id(), "2027", "350.50"));

        assertThat(shown.paymentCredits()).containsExactly(new PaymentCreditView(2027, "350.50", "0.00"));
        assertThat(world.ledger.creditRepository.current(world.tiga.id(), 2027).orElseThrow().setBy())
                .isEqualTo("admin");
    }

    @Test
    void shouldRefuseCreditsSetByAnyoneButAnAdministratorOrForNoYearOrANegativeAmount() {
        Caller finance = new Caller("finance", Set.of(Role.FINANCE), world.cdc.id());

        assertThatThrownBy(() -> as(finance, () -> service.setPaymentCredits(world.tiga.id(), "2027", "1.00")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(ADMIN, () -> service.setPaymentCredits(world.tiga.id(), "27", "-1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("year", "amount"));
        assertThat(world.ledger.creditRepository.currentOf(world.tiga.id())).isEmpty();
    }

    @Test
    void shouldForecastTheComingYearsOfAnEnvelopeWithItsSubEnvelopesAndItsOwnCredits() {
        // given last year's and the coming years' lines of the envelope and of its sub-envelope
        int year = java.time.LocalDate.ofInstant(world.clock.instant(), java.time.ZoneOffset.UTC).getYear();
        lines = List.of(
                new Forecasts.Line(year - 1, "AMI-TIGA-SUB", "CDC", Money.euros(50), Money.euros(50), null),
                new Forecasts.Line(year, "AMI-TIGA", "CDC", Money.euros(10), Money.euros(5), Money.euros(100)),
                new Forecasts.Line(year, "AMI-TIGA-SUB", "CDC", Money.euros(30), Money.euros(20), Money.euros(60)),
                new Forecasts.Line(year + 1, "AMI-TIGA-SUB", "CDC", Money.euros(40), Money.ZERO, null));

        // when the administrator reads its forecast
        List<EnvelopeService.ForecastYear> forecast = as(ADMIN, () -> service.forecast(world.tiga.id()));

        // then the years from this one on add both envelopes up, with the envelope's own credits only
        assertThat(forecast).containsExactly(
                new EnvelopeService.ForecastYear(year, "40.00", "25.00", "100.00"),
                new EnvelopeService.ForecastYear(year + 1, "40.00", "0.00", null));
    }
}
