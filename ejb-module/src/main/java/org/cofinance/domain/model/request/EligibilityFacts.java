package org.cofinance.domain.model.request;

import java.util.Map;

/**
 * The figures of a request that its programme's eligibility rules (DMN) read, amounts in euro cents; the programme
 * chooses the rules.
 */
public record EligibilityFacts(String programme, String theme, long eligibleCostCents, long publicCents, long privateCents,
                               boolean leadIsLocalAuthority, long leadPublicCents) {

    /** The decision's input variables, by the names the DMN table uses. */
    public Map<String, Object> asVariables() {
        return Map.of("programme", programme, "theme", theme, "eligibleCostCents", eligibleCostCents, "publicCents", publicCents,
                "privateCents", privateCents, "leadIsLocalAuthority", leadIsLocalAuthority, "leadPublicCents",
                leadPublicCents);
    }
}
