package org.cofinance.application.request;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cofinance.application.ledger.CommitmentView;
import org.cofinance.application.ledger.RecoveryView;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.Recovery;
import org.cofinance.domain.model.programme.Indicator;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.ImpactTarget;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RequestView(Long id, String reference, String title, String territory, String theme,
                          Long leadOrganisationId, String status, @Schema(ref = "Money") String eligibleCost,
                          List<PlanLineView> plan,
                          List<DecisionView> decisions, List<CommitmentView> commitments,
                          List<String> ineligibilityReasons, String processInstanceId, String createdBy,
                          Instant createdAt, Instant submittedAt, String instructedBy,
                          String conventionSignedBy, List<TrancheView> tranches, List<RecoveryView> recoveries,
                          List<AmendmentView> amendments, String programmeCode, List<PartnerView> partners,
                          List<IndicatorView> indicators) implements Serializable {

    /** A partner of the coalition beside the lead, and its declared share of each grant (null: none). */
    public record PartnerView(Long organisationId, String name, String grantShare) implements Serializable {
    }

    /**
     * An impact indicator of the request: its target (null when none was declared) and the latest actual reported
     * (null until one is), in the indicator's unit, as plain decimals.
     */
    public record IndicatorView(String code, String label, String unit, String target, String actual)
            implements Serializable {
    }

    /**
     * The request with its commitments, the paid shares of its tranches (who validated each), the recoveries of
     * money paid on them and the amendments of its convention.
     */
    public static RequestView of(FundingRequest r, List<Commitment> commitments, List<Disbursement> paidShares,
                                 List<Recovery> recoveries, List<Amendment> amendments) {
        return new RequestView(r.id(), r.reference(), r.project().title(), r.project().territory(),
                r.project().theme().name(), r.project().lead().id(),
                r.status().name(), Amounts.text(r.project().eligibleCost()),
                        r.plan().stream().map(PlanLineView::of).toList(),
                r.decisions().stream().map(DecisionView::of).toList(),
                commitments.stream().map(CommitmentView::of).toList(), List.copyOf(r.ineligibilityReasons()),
                r.processInstanceId(), r.handling().createdBy(), r.handling().createdAt(),
                r.handling().submittedAt(), r.handling().instructedBy(), r.handling().conventionSignedBy(),
                        r.tranches().stream().map(t -> TrancheView.of(t, paidShares.stream()
                                .filter(d -> t.id().equals(d.trancheId())).map(Disbursement::decidedBy).distinct()
                                .toList())).toList(),
                recoveries.stream().map(RecoveryView::of).toList(),
                amendments.stream().map(AmendmentView::of).toList(), r.programme().code(),
                r.partners().stream().map(p -> new PartnerView(p.organisation().id(),
                        p.organisation().name(), p.grantShare().map(BigDecimal::toPlainString).orElse(null))).toList(), indicators(r));
    }

    /** The declared targets in order, then the indicators reported on without a target. */
    private static List<IndicatorView> indicators(FundingRequest r) {
        Set<String> codes = new LinkedHashSet<>();
        r.impactTargets().forEach(t -> codes.add(t.code()));
        r.impactActuals().forEach(a -> codes.add(a.code()));
        return codes.stream().map(code -> {
            Optional<Indicator> indicator = r.programme().indicator(code);
            BigDecimal target = r.impactTargets().stream().filter(t -> t.code().equals(code)).findFirst()
                    .map(ImpactTarget::target).orElse(null);
            return new IndicatorView(code, indicator.map(Indicator::label).orElse(code),
                    indicator.map(Indicator::unit).orElse(""), Amounts.quantity(target),
                    Amounts.quantity(r.latestActual(code).orElse(null)));
        }).toList();
    }
}
