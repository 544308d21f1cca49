package org.cofinance.domain.model.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a request's funders stand, from their decisions in the order given: the latest decision of each counts, and
 * an approval counts for a new routing of the plan only while the funder's part is the one it approved.
 */
public final class FunderDecisions {

    private final FinancingPlan plan;
    private final List<Decision> decisions;

    FunderDecisions(FinancingPlan plan, List<Decision> decisions) {
        this.plan = plan;
        this.decisions = List.copyOf(decisions);
    }

    /**
     * The funders whose decision is asked when the plan is routed: all of them, but those whose latest decision
     * approved exactly the part of the plan they still have.
     */
    public List<Long> toDecide() {
        List<Long> funders = new ArrayList<>();
        for (Long organisationId : plan.funderIds()) {
            boolean kept = latestOf(organisationId)
                    .filter(d -> d.outcome() == DecisionOutcome.APPROVE
                            && plan.fingerprintOf(organisationId).equals(d.planFingerprint()))
                    .isPresent();
            if (!kept) {
                funders.add(organisationId);
            }
        }
        return funders;
    }

    public boolean allApproved() {
        return plan.funderIds().stream().allMatch(org -> outcomeOf(org) == DecisionOutcome.APPROVE);
    }

    /** Whether the organisation's levels stop here: its latest decision is anything but an approval. */
    public boolean stoppedFor(Long organisationId) {
        DecisionOutcome latest = outcomeOf(organisationId);
        return latest != null && latest != DecisionOutcome.APPROVE;
    }

    public boolean anyRejected() {
        return plan.funderIds().stream().anyMatch(org -> outcomeOf(org) == DecisionOutcome.REJECT);
    }

    private DecisionOutcome outcomeOf(Long organisationId) {
        return latestOf(organisationId).map(Decision::outcome).orElse(null);
    }

    private Optional<Decision> latestOf(Long organisationId) {
        Decision latest = null;
        for (Decision d : decisions) {
            if (d.organisationId().equals(organisationId)) {
                latest = d;
            }
        }
        return Optional.ofNullable(latest);
    }
}
