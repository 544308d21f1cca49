package org.cofinance.application.ledger;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Amounts;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.ledger.DailyMovements;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.LedgerEntryRepository;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.ledger.PaymentCredit;
import org.cofinance.domain.model.ledger.PaymentCreditRepository;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Envelope balances and ledger entries. Officers, finance and administrators see every envelope; an approver sees
 * his organisation's only.
 */
@Stateless
public class EnvelopeService {

    private final EnvelopeRepository envelopes;
    private final LedgerEntryRepository entries;
    private final OrganisationRepository organisations;
    private final PaymentCreditRepository credits;
    private final Forecasts forecasts;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public EnvelopeService(EnvelopeRepository envelopes, LedgerEntryRepository entries,
                           OrganisationRepository organisations, PaymentCreditRepository credits, Forecasts forecasts,
                           Callers callers, Clock clock) {
        this.envelopes = envelopes;
        this.entries = entries;
        this.organisations = organisations;
        this.credits = credits;
        this.forecasts = forecasts;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected EnvelopeService() {
        this(null, null, null, null, null, null, null);
    }

    public Page<EnvelopeView> list(Paging paging) {
        Caller caller = callers.current();
        if (!caller.seesAllOrganisations() && caller.organisationId() == null) {
            return new Page<>(List.of(), 0);
        }
        Long owner = caller.seesAllOrganisations() ? null : caller.organisationId();
        List<EnvelopeView> items = envelopes.list(owner, paging.offset(), paging.size()).stream()
                .map(e -> EnvelopeView.of(e, null)).toList();
        return new Page<>(items, envelopes.count(owner));
    }

    public EnvelopeView get(Long id) {
        Envelope envelope = visible(id);
        List<EnvelopeView> children = envelopes.childrenOf(id).stream().map(e -> EnvelopeView.of(e, null)).toList();
        return EnvelopeView.of(envelope, children, paymentCredits(id));
    }

    /** The envelope's payment credits year by year, with what its payments (sub-envelopes' included) used of them. */
    private List<PaymentCreditView> paymentCredits(Long id) {
        return credits.currentOf(id).stream().map(c -> new PaymentCreditView(c.year(), Amounts.text(c.amount()),
                Amounts.text(credits.paidIn(id, c.year())))).toList();
    }

    /** A year of an envelope's forecast: what its signed schedules call for, what it paid, and its credits. */
    public record ForecastYear(int year, String scheduled, String paid, String paymentCredits) implements Serializable {
    }

    /**
     * The forecast of an envelope, its sub-envelopes counted, from this year on (Paris time): year by year, what the
     * signed schedules call for, what was paid, and the envelope's own payment credits (null when none).
     */
    public List<ForecastYear> forecast(Long id) {
        Envelope envelope = visible(id);
        int thisYear = PaymentCredit.yearOf(clock.instant());
        Map<Integer, List<Forecasts.Line>> byYear = new TreeMap<>(forecasts.lines(new Forecasts.Criteria(
                envelope.code(), null, 0L, null)).stream().filter(l -> l.year() >= thisYear)
                .collect(Collectors.groupingBy(Forecasts.Line::year)));
        List<ForecastYear> years = new ArrayList<>();
        byYear.forEach((year, lines) -> years.add(new ForecastYear(year,
                Amounts.text(lines.stream().map(Forecasts.Line::scheduled).reduce(Money.ZERO, Money::plus)),
                Amounts.text(lines.stream().map(Forecasts.Line::paid).reduce(Money.ZERO, Money::plus)),
                lines.stream().filter(l -> l.envelope().equals(envelope.code()) && l.paymentCredits() != null)
                        .map(l -> Amounts.text(l.paymentCredits())).findFirst().orElse(null))));
        return years;
    }

    /**
     * Sets the payment credits of an envelope for a year (ADMIN): from then on, the payments validated that year out
     * of it and its sub-envelopes never exceed them. Lowering them below what the year already paid is refused.
     */
    public EnvelopeView setPaymentCredits(Long id, String yearText, String amountText) {
        Caller caller = callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        Money amount = Inputs.amount(amountText, "amount", violations, true);
        int year = yearText != null && yearText.matches("[0-9]{4}") ? Integer.parseInt(yearText) : 0;
        if (year < PaymentCredit.FIRST_YEAR || year > PaymentCredit.LAST_YEAR) {
            violations.add(new Violation("year", "is a year from " + PaymentCredit.FIRST_YEAR + " to "
                    + PaymentCredit.LAST_YEAR));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Envelope envelope = envelopes.find(id).orElseThrow(() -> new NotFoundException("no envelope " + id));
        envelopes.lockChains(List.of(envelope));
        Money paid = credits.paidIn(id, year);
        if (amount.isLessThan(paid)) {
            throw new DomainException("the " + year + " payment credits of " + envelope.code() + " cannot go below the "
                    + paid.toPlainString() + " EUR already paid that year");
        }
        credits.add(new PaymentCredit(envelope, year, amount, caller.username(), clock.instant()));
        return get(id);
    }

    public Page<EntryView> entries(Long id, Paging paging) {
        visible(id);
        List<EntryView> items = entries.ofEnvelope(id, paging.offset(), paging.size()).stream().map(EntryView::of)
                .toList();
        return new Page<>(items, entries.countOfEnvelope(id));
    }

    /** The balances of an envelope, its sub-envelopes counted, at the end of a day (Paris time) that moved them. */
    public record ConsumptionPoint(LocalDate day, String ceiling, String reserved, String committed,
                                   String disbursed) implements Serializable {
    }

    /** How an envelope was consumed over time, from its ledger entries and those of its sub-envelopes. */
    public List<ConsumptionPoint> consumption(Long id) {
        visible(id);
        List<ConsumptionPoint> points = new ArrayList<>();
        BigDecimal ceiling = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        for (DailyMovements day : envelopes.dailyMovements(id)) {
            reserved = reserved.add(day.reserved());
            committed = committed.add(day.committed());
            disbursed = disbursed.add(day.disbursed());
            if (day.ceiling() != null) {
                ceiling = day.ceiling();
            }
            points.add(new ConsumptionPoint(day.day(), Money.of(ceiling).toPlainString(),
                    Money.of(reserved).toPlainString(), Money.of(committed).toPlainString(),
                    Money.of(disbursed).toPlainString()));
        }
        return points;
    }

    /** Opens an envelope (ADMIN); its opening ceiling is the first AMEND entry of its ledger. */
    public EnvelopeView create(NewEnvelope command) {
        Caller caller = callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        if (command.code() == null || !command.code().matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            violations.add(new Violation("code", "is 2 to 40 capital letters, digits, '-' or '_'"));
        } else if (envelopes.findByCode(command.code()).isPresent()) {
            violations.add(new Violation("code", "is already used by another envelope"));
        }
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        Organisation owner = organisations.find(command.ownerOrganisationId()).orElse(null);
        if (owner == null) {
            violations.add(new Violation("ownerOrganisationId", "names an existing organisation"));
        }
        Money ceiling = Inputs.amount(command.ceiling(), "ceiling", violations, true);
        Envelope parent = null;
        if (command.parentCode() != null && !command.parentCode().isBlank()) {
            parent = envelopes.findByCode(command.parentCode()).orElse(null);
            if (parent == null) {
                violations.add(new Violation("parentCode", "no envelope " + command.parentCode()));
            } else if (owner != null && !parent.isOwnedBy(owner.id())) {
                violations.add(new Violation("parentCode", "a sub-envelope belongs to its parent's owner"));
            } else if (ceiling != null && ceiling.isGreaterThan(parent.ceiling())) {
                violations.add(new Violation("ceiling", "does not fit inside the parent's "
                        + parent.ceiling().toPlainString() + " EUR"));
            }
        }
        LocalDate from = Inputs.date(command.validFrom(), "validFrom", violations);
        LocalDate to = Inputs.date(command.validTo(), "validTo", violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new Violation("validTo", "is on or after validFrom"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (parent != null) {
            envelopes.lockChains(List.of(parent));
        }
        Envelope envelope = new Envelope(command.code(), command.name(), owner, parent, ceiling, from, to);
        envelopes.add(envelope);
        entries.record(envelope.openingEntry(new Movement(caller.username(), clock.instant(),
                "envelope:" + envelope.id()
                + ":open", "opening ceiling")));
        return EnvelopeView.of(envelope, List.of());
    }

    /**
     * Amends an envelope's ceiling (ADMIN), with a reason; refused when it would go below what the envelope holds.
     */
    public EntryView amend(Long id, String ceilingText, String reason, String idempotencyKey) {
        Caller caller = callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        Money ceiling = Inputs.amount(ceilingText, "ceiling", violations, true);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            violations.add(new Violation("reason", "is required, at most 1000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Envelope envelope = envelopes.find(id).orElseThrow(() -> new NotFoundException("no envelope " + id));
        String key = idempotencyKey == null ? null : "amend:" + id + ":" + idempotencyKey;
        if (key != null) {
            LedgerEntry first = entries.findByKey(key).orElse(null);
            if (first != null) {
                if (!first.sameMovementAs(EntryKind.AMEND, id, ceiling)) {
                    throw new IdempotencyKeyReusedException(idempotencyKey);
                }
                return EntryView.of(first);
            }
        }
        envelopes.lockChains(List.of(envelope));
        LedgerEntry entry = envelope.amend(ceiling, envelopes.largestChildCeiling(id),
                new Movement(caller.username(), clock.instant(),
                        key != null ? key : "amend:" + id + ":" + UUID.randomUUID(),
                        reason.strip()));
        entries.record(entry);
        return EntryView.of(entry);
    }

    public record NewEnvelope(String code, String name, Long ownerOrganisationId,
                              @Schema(ref = "Money") String ceiling, String parentCode,
                              String validFrom, String validTo) {
    }

    private Envelope visible(Long id) {
        Caller caller = callers.current();
        Envelope envelope = envelopes.find(id).orElse(null);
        if (envelope == null || !(caller.seesAllOrganisations() || envelope.isOwnedBy(caller.organisationId()))) {
            throw new NotFoundException("no envelope " + id);
        }
        return envelope;
    }
}
