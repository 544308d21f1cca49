package org.cofinance.application.reporting;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.Partner;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.domain.model.request.RequestStatus;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportFormat;
import org.cofinance.reports.ReportRenderer;

/**
 * The funding agreement (convention) generated from an approved request, in French unless English is asked: its
 * purpose, the parties (each funder, the lead, the partners), the financing plan with each line's share of the
 * eligible cost, the schedule of tranches (the agreed one once signed, the standard 30/40/30 before), the commitments
 * of each funder, a signature block per party. Generated each time from the data, never stored: the signed copy is
 * the CONVENTION_SIGNED document. Whoever may read the request may read it.
 */
@Stateless
public class ConventionService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ReportRenderer RENDERER = new ReportRenderer();
    private static final Set<RequestStatus> AGREED = Set.of(RequestStatus.APPROVED, RequestStatus.CONTRACTED,
            RequestStatus.CLOSED);
    /** The standard schedule offered for signature when no other is agreed yet: 30/40/30. */
    private static final List<String[]> STANDARD = List.of(new String[] {"À la signature", "0.30"},
            new String[] {"À mi-parcours", "0.40"}, new String[] {"À l'achèvement", "0.30"});

    /** The standard tranches' labels, as the convention writes them. */
    private static final Map<String, String> STANDARD_LABELS = Map.of("SIGNATURE", "À la signature", "MID_TERM",
            "À mi-parcours", "COMPLETION", "À l'achèvement");

    private final FundingRequestService requestService;
    private final FundingRequestRepository requests;
    private final CommitmentRepository commitments;
    private final Clock clock;

    @Inject
    public ConventionService(FundingRequestService requestService, FundingRequestRepository requests,
                             CommitmentRepository commitments, Clock clock) {
        this.requestService = requestService;
        this.requests = requests;
        this.commitments = commitments;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected ConventionService() {
        this(null, null, null, null);
    }

    /**
     * The convention as a PDF.
     *
     * @throws DomainException before the request is approved: there is nothing agreed yet
     */
    public ReportService.Report convention(Long requestId, Locale locale) {
        requestService.get(requestId); // the same visibility as the request itself
        FundingRequest request = requests.find(requestId).orElseThrow();
        if (!AGREED.contains(request.status())) {
            throw new DomainException("request " + request.reference() + " is " + request.status()
                    + ": its convention is drawn up once its funders approved it");
        }
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        Money cost = request.project().eligibleCost();
        List<Map<String, ?>> rows = new ArrayList<>();
        rows.add(SheetFormats.row("preamble", request.project().title(), "Le présent acte fixe le financement du projet "
                + request.reference() + " (" + request.programme().name() + ", " + request.project().territory()
                + ") par les parties ci-dessous, dans la limite de leurs engagements.", null));
        Map<Long, Organisation> funders = new LinkedHashMap<>();
        request.plan().stream().filter(PlanLine::drawsOnEnvelope)
                .forEach(l -> funders.putIfAbsent(l.organisation().id(), l.organisation()));
        funders.values().forEach(f -> rows.add(SheetFormats.row("parties", f.name(), "Financeur · "
                + f.siret().map(s -> "SIRET " + s).orElse(f.kind().name()), null)));
        Organisation lead = request.project().lead();
        rows.add(SheetFormats.row("parties", lead.name(), "Porteur du projet · "
                + lead.siret().map(s -> "SIRET " + s).orElse(lead.kind().name()), null));
        for (Partner partner : request.partners()) {
            rows.add(SheetFormats.row("parties", partner.organisation().name(), "Partenaire de la coalition"
                    + partner.grantShare().map(s -> " · part des subventions " + SheetFormats.percent(s, locale))
                    .orElse(""), null));
        }
        for (PlanLine line : request.plan()) {
            rows.add(SheetFormats.row("plan", line.organisation().name(), line.instrument().name()
                    + line.envelope().map(e -> " · " + e.code()).orElse("") + " · "
                    + SheetFormats.percent(line.amount().ratioOf(cost), locale), line.amount()));
        }
        List<Tranche> tranches = request.tranches();
        if (tranches.isEmpty()) {
            for (String[] tranche : STANDARD) {
                rows.add(SheetFormats.row("schedule", tranche[0], SheetFormats.percent(new BigDecimal(tranche[1]),
                        locale) + " de chaque engagement, sur justificatif", null));
            }
        } else {
            for (Tranche tranche : tranches) {
                rows.add(SheetFormats.row("schedule", STANDARD_LABELS.getOrDefault(tranche.label(), tranche.label()),
                        SheetFormats.percent(tranche.share().movePointLeft(2), locale) + " de chaque engagement"
                        + (tranche.dueOn() == null ? "" : " · échéance " + dates.format(tranche.dueOn())), null));
            }
        }
        for (Commitment c : commitments.ofRequest(requestId)) {
            if (c.status() != CommitmentStatus.RELEASED) {
                rows.add(SheetFormats.row("commitments", funders.containsKey(c.organisationId())
                        ? funders.get(c.organisationId()).name() : String.valueOf(c.organisationId()),
                        c.instrument().name() + " · " + c.envelope().code(), c.committed()));
            }
        }
        List<Organisation> signatories = new ArrayList<>(funders.values());
        signatories.add(lead);
        request.partners().forEach(p -> signatories.add(p.organisation()));
        for (Organisation party : signatories) {
            rows.add(SheetFormats.row("signatures", "Pour " + party.name(),
                    "Nom et qualité : ____________________   Date : ___/___/______   Signature :", null));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("REFERENCE", request.reference());
        parameters.put("PROJECT", request.project().title());
        parameters.put("TERRITORY", request.project().territory());
        parameters.put("THEME", request.programme().code() + " · " + request.project().theme().name());
        parameters.put("LEAD", lead.name());
        parameters.put("ELIGIBLE_COST", SheetFormats.euros(cost, locale));
        parameters.put("STATUS", request.status().name());
        Money publicMoney = request.plan().stream().filter(PlanLine::isPublicMoney).map(PlanLine::amount)
                .reduce(Money.ZERO, Money::plus);
        parameters.put("PUBLIC_SHARE", SheetFormats.share(publicMoney, cost, locale));
        parameters.put("PRIVATE_SHARE", SheetFormats.share(cost.minus(publicMoney), cost, locale));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PARIS));
        byte[] pdf = RENDERER.render(ReportDefinition.CONVENTION, rows, ReportFormat.PDF, locale,
                request.reference() + " – " + request.project().title(), now, parameters);
        return new ReportService.Report(pdf, ReportFormat.PDF, "convention-" + request.reference() + ".pdf");
    }
}
