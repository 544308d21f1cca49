package org.cofinance.application.request;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.cofinance.application.shared.Amounts;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.request.Amendment;
import org.cofinance.domain.model.request.AmendmentChange;
import org.cofinance.domain.model.request.PlanLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An amendment as the API and the pages show it: the funders' amounts before and after, and their decisions. */
public record AmendmentView(Long id, Long requestId, String status, String reason,
                            @Schema(ref = "Money") String eligibleCostBefore,
                            @Schema(ref = "Money") String eligibleCostAfter, List<Change> changes,
                            List<DecisionLine> decisions,
                            String filedBy, Instant filedAt, Instant decidedAt) implements Serializable {

    /** A funder's amount on one of its lines: {@code before} what it committed, {@code after} what it would be. */
    public record Change(Long organisationId, String envelopeCode, @Schema(ref = "Money") String before,
                         @Schema(ref = "Money") String after) implements Serializable {
    }

    public record DecisionLine(Long organisationId, String level, String outcome, String comment, String author,
                               Instant decidedAt) implements Serializable {
    }

    public static AmendmentView of(Amendment a) {
        return new AmendmentView(a.id(), a.request().id(), a.status().name(), a.reason(),
                Amounts.text(a.eligibleCostBefore()), Amounts.text(a.eligibleCostAfter()),
                a.changes().stream().filter(AmendmentChange::isFunderChange).map(c -> new Change(c.organisationId(),
                        envelopeOf(a, c.planLineId()), Amounts.text(c.before()), Amounts.text(c.after())))
                        .toList(),
                a.decisions().stream().map(d -> new DecisionLine(d.organisationId(), d.level(), d.outcome().name(),
                        d.comment(), d.author(), d.decidedAt())).toList(),
                a.filedBy(), a.filedAt(), a.decidedAt());
    }

    private static String envelopeOf(Amendment a, Long planLineId) {
        return a.request().plan().stream().filter(l -> l.id().equals(planLineId)).findFirst()
                .flatMap(PlanLine::envelope).map(Envelope::code).orElse(null);
    }
}
