package org.cofinance.domain.model.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.Violation;

/** A plan line as typed, its references already resolved; {@link #violations} tells what is wrong with it. */
public record PlanLineDraft(Organisation organisation, Envelope envelope, Instrument instrument, Money amount) {

    /** What is wrong with the line, {@code coalition} the ids of the lead and partners that may bring their own money. */
    List<Violation> violations(String field, Set<Long> coalition) {
        List<Violation> violations = new ArrayList<>();
        if (amount == null || !amount.isPositive()) {
            violations.add(new Violation(field + ".amount", "must be a positive number of euros"));
        }
        if (instrument == null) {
            violations.add(new Violation(field + ".instrument", "is required"));
        }
        if (organisation == null) {
            violations.add(new Violation(field + ".organisationId", "is required"));
            return violations;
        }
        if (instrument == Instrument.SELF_FUNDING) {
            if (!coalition.contains(organisation.id())) {
                violations.add(new Violation(field + ".organisationId",
                        "self-funding comes from the lead or a partner of the coalition only"));
            }
            if (envelope != null) {
                violations.add(new Violation(field + ".envelopeCode", "self-funding draws on no envelope"));
            }
        } else if (envelope != null && !envelope.isOwnedBy(organisation.id())) {
            violations.add(new Violation(field + ".envelopeCode",
                    "envelope " + envelope.code() + " is not owned by organisation " + organisation.id()));
        }
        return violations;
    }
}
