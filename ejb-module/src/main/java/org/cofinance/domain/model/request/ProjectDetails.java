package org.cofinance.domain.model.request;

import org.cofinance.domain.model.programme.Theme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.Violation;

/**
 * What a request says of its project: title, territory, theme, the coalition that carries it — its lead
 * organisation (porteur) and its partners — and eligible cost.
 */
public record ProjectDetails(String title, String territory, Theme theme, Organisation lead, Money eligibleCost,
                             List<Partner> partners) {

    private static final BigDecimal MIN_SHARE = new BigDecimal("0.01");

    /** At most this many partners beside the lead. */
    public static final int MAX_PARTNERS = 50;

    public ProjectDetails {
        partners = partners == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(partners));
    }

    /** A project its lead carries alone. */
    public ProjectDetails(String title, String territory, Theme theme, Organisation lead, Money eligibleCost) {
        this(title, territory, theme, lead, eligibleCost, List.of());
    }

    /** The same project with another eligible cost (an amendment's). */
    ProjectDetails withEligibleCost(Money cost) {
        return new ProjectDetails(title, territory, theme, lead, cost, partners);
    }

    /** The ids of the lead and the partners: whoever may bring its own money to the project. */
    public Set<Long> coalitionIds() {
        Set<Long> ids = new LinkedHashSet<>();
        if (lead != null && lead.id() != null) {
            ids.add(lead.id());
        }
        partners.stream().filter(p -> p != null && p.organisation() != null && p.organisation().id() != null)
                .forEach(p -> ids.add(p.organisation().id()));
        return ids;
    }

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
        violations.addAll(partnerViolations());
        return violations;
    }

    private List<Violation> partnerViolations() {
        List<Violation> violations = new ArrayList<>();
        if (partners.size() > MAX_PARTNERS) {
            violations.add(new Violation("partners", "a coalition has at most " + MAX_PARTNERS + " partners"));
            return violations;
        }
        Set<Long> seen = new HashSet<>();
        BigDecimal shared = BigDecimal.ZERO;
        for (int i = 0; i < partners.size(); i++) {
            Partner partner = partners.get(i);
            String field = "partners[" + i + "].organisationId";
            if (partner == null || partner.organisation() == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            Long id = partner.organisation().id();
            if (lead != null && id.equals(lead.id())) {
                violations.add(new Violation(field, "is the lead: the lead is not its own partner"));
            } else if (!seen.add(id)) {
                violations.add(new Violation(field, "is named twice"));
            }
            BigDecimal share = partner.grantShare().orElse(null);
            if (share != null) {
                if (share.compareTo(MIN_SHARE) < 0 || share.compareTo(BigDecimal.ONE) > 0
                        || share.stripTrailingZeros().scale() > 2) {
                    violations.add(new Violation("partners[" + i + "].grantShare",
                            "is a share of each grant from 0.01 to 1.00, two decimals at most"));
                } else {
                    shared = shared.add(share);
                }
            }
        }
        if (shared.compareTo(BigDecimal.ONE) > 0) {
            violations.add(new Violation("partners", "the partners' shares of the grants add up to "
                    + shared.toPlainString() + ", more than 1.00"));
        }
        return violations;
    }

    /** The lead's share of each grant: what the partners' declared shares leave (1.00 when none is declared). */
    public BigDecimal leadGrantShare() {
        return partners.stream().map(p -> p.grantShare().orElse(BigDecimal.ZERO)).reduce(BigDecimal.ONE,
                BigDecimal::subtract).setScale(2);
    }
}
