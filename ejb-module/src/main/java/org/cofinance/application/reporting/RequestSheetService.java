package org.cofinance.application.reporting;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.CommitmentRepository;
import org.cofinance.domain.model.ledger.CommitmentStatus;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.request.Decision;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.ImpactTarget;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.FundingRequestRepository;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportFormat;
import org.cofinance.reports.ReportRenderer;

/**
 * The request sheet (fiche d'engagement): one request for its committee — its programme and project, the coalition
 * that carries it (the lead and its partners, each with its own money), its impact targets (and the latest actuals),
 * financing plan with its public and private shares, the funders' decisions, the commitments. Visible to whoever may see the request.
 */
@Stateless
public class RequestSheetService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ReportRenderer RENDERER = new ReportRenderer();

    private final FundingRequestService requestService;
    private final FundingRequestRepository requests;
    private final CommitmentRepository commitments;
    private final OrganisationRepository organisations;
    private final Clock clock;

    @Inject
    public RequestSheetService(FundingRequestService requestService, FundingRequestRepository requests,
                               CommitmentRepository commitments, OrganisationRepository organisations, Clock clock) {
        this.requestService = requestService;
        this.requests = requests;
        this.commitments = commitments;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected RequestSheetService() {
        this(null, null, null, null, null);
    }

    public ReportService.Report sheet(Long requestId, Locale locale) {
        requestService.get(requestId); // the same visibility as the request itself
        FundingRequest request = requests.find(requestId).orElseThrow();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        List<Organisation> coalition = new ArrayList<>(List.of(request.project().lead()));
        request.partners().forEach(p -> coalition.add(p.organisation()));
        for (Organisation member : coalition) {
            Money own = request.plan().stream().filter(l -> l.instrument() == Instrument.SELF_FUNDING
                    && l.organisation().id().equals(member.id())).map(PlanLine::amount).reduce(Money.ZERO, Money::plus);
            rows.add(row("coalition", member.name(), (member.id().equals(request.project().lead().id()) ? "LEAD"
                    : "PARTNER") + " · " + member.kind().name(), own));
        }
        for (ImpactTarget target : request.impactTargets()) {
            rows.add(row("impact", target.code(), target.target().stripTrailingZeros().toPlainString()
                    + request.latestActual(target.code()).map(a -> " → " + a.stripTrailingZeros().toPlainString())
                    .orElse(""), null));
        }
        Money publicMoney = Money.ZERO;
        for (PlanLine line : request.plan()) {
            rows.add(row("plan", line.organisation().name(), line.instrument().name()
                    + line.envelope().map(e -> " · " + e.code()).orElse(""), line.amount()));
            if (line.isPublicMoney()) {
                publicMoney = publicMoney.plus(line.amount());
            }
        }
        for (Decision d : request.decisions()) {
            rows.add(row("decisions", name(d.organisationId()), d.outcome().name() + " · " + d.author() + " · "
                    + dates.format(d.decidedAt().atZone(PARIS)) + (d.comment() == null ? "" : " · " + d.comment()),
                    d.amount().orElse(null)));
        }
        for (Commitment c : commitments.ofRequest(requestId)) {
            rows.add(row("commitments", name(c.organisationId()), c.status().name() + " · "
                    + c.envelope().code(), c.status() == CommitmentStatus.RESERVED ? c.reserved() : c.committed()));
        }
        Money cost = request.project().eligibleCost();
        Money privateMoney = cost.minus(publicMoney);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("REFERENCE", request.reference());
        parameters.put("PROJECT", request.project().title());
        parameters.put("TERRITORY", request.project().territory());
        parameters.put("THEME", request.programme().code() + " · " + request.project().theme().name());
        parameters.put("LEAD", request.project().lead().name());
        parameters.put("ELIGIBLE_COST", SheetFormats.euros(cost, locale));
        parameters.put("STATUS", request.status().name());
        parameters.put("PUBLIC_SHARE", SheetFormats.share(publicMoney, cost, locale));
        parameters.put("PRIVATE_SHARE", SheetFormats.share(privateMoney, cost, locale));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PARIS));
        byte[] pdf = RENDERER.render(ReportDefinition.REQUEST_SHEET, rows, ReportFormat.PDF, locale,
                request.reference() + " – " + request.project().title(), now, parameters);
        return new ReportService.Report(pdf, ReportFormat.PDF, "fiche-" + request.reference() + ".pdf");
    }

    private static Map<String, ?> row(String section, String label, String detail, Money amount) {
        return SheetFormats.row(section, label, detail, amount);
    }

    private String name(Long organisationId) {
        return organisations.find(organisationId).map(Organisation::name).orElse(String.valueOf(organisationId));
    }
}
