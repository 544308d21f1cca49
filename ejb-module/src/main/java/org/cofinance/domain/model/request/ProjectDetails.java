package org.cofinance.domain.model.request;

import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.Violation;

/** What a request says of its project: title, territory, theme, lead organisation (porteur) and eligible cost. */
public record ProjectDetails(String title, String territory, Theme theme, Organisation lead, Money eligibleCost) {

    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (title == null || title.isBlank()) {
            violations.add(new Violation("title", "is required"));
        } else if (title.strip().length() > 300) {
            violations.add(new Violation("title", "has at most 300 characters"));
        }
        if (territory == null || territory.isBlank()) {
            violations.add(new Violation("territory", "is required"));
        } else if (territory.strip().length() > 200) {
            violations.add(new Violation("territory", "has at most 200 characters"));
        }
        if (theme == null) {
            violations.add(new Violation("theme", "is one of the call's themes"));
        }
        if (lead == null) {
            violations.add(new Violation("leadOrganisationId", "is required"));
        }
        if (eligibleCost == null || !eligibleCost.isPositive()) {
            violations.add(new Violation("eligibleCost", "must be a positive number of euros"));
        }
        return violations;
    }
}
