package org.cofinance.domain.model.request;

import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.Violation;

/** A plan line as typed, its references already resolved; {@link #violations} tells what is wrong with it. */
public record PlanLineDraft(Organisation organisation, Envelope envelope, Instrument instrument, Money amount) {

    List<Violation> violations(String field, Organisation lead) {
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
            if (lead != null && !sameOrganisation(organisation, lead)) {
                violations.add(new Violation(field + ".organisationId",
                        "self-funding comes from the lead organisation only"));
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

    private static boolean sameOrganisation(Organisation a, Organisation b) {
        return a.id() != null && a.id().equals(b.id());
    }
}
