package org.cofinance.domain.model.request;

import org.cofinance.domain.model.programme.Theme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.Violation;

/**
 * A request's financing plan as a value: its lines, in order, and the arithmetic of the plan rules — whether it
 * balances, who funds it and how much, the public and private money the call's rules weigh, and the digest of each
 * funder's part that tells whether an approval still covers it.
 */
public final class FinancingPlan {

    private final List<PlanLine> lines;

    FinancingPlan(List<PlanLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * What is wrong with a plan of {@code lines} for {@code project}: each line's own rules, and the balance of the
     * lines against the eligible cost. Empty when the plan keeps every rule.
     */
    public static List<Violation> violationsOf(ProjectDetails project, List<PlanLineDraft> lines) {
        List<Violation> violations = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            violations.add(new Violation("plan", "a financing plan has at least one line"));
            return violations;
        }
        Money total = Money.ZERO;
        boolean amountsValid = true;
        for (int i = 0; i < lines.size(); i++) {
            PlanLineDraft line = lines.get(i);
            violations.addAll(line.violations("plan[" + i + "]", project.coalitionIds()));
            if (line.amount() == null) {
                amountsValid = false;
            } else {
                total = total.plus(line.amount());
            }
        }
        if (amountsValid && project.eligibleCost() != null && !total.equals(project.eligibleCost())) {
            violations.add(new Violation("plan", "the plan does not balance: its lines add up to "
                    + total.toPlainString() + " EUR, the eligible cost is "
                    + project.eligibleCost().toPlainString() + " EUR"));
        }
        return violations;
    }

    /** The plan's lines as drafts, to check them again under the rules of a new draft. */
    public List<PlanLineDraft> asDrafts() {
        return lines.stream()
                .map(l -> new PlanLineDraft(l.organisation(), l.envelope().orElse(null), l.instrument(), l.amount()))
                .toList();
    }

    /** The organisations whose lines draw on their envelopes, in plan order: each owes a decision. */
    public Set<Long> funderIds() {
        Set<Long> funders = new LinkedHashSet<>();
        lines.stream().filter(PlanLine::drawsOnEnvelope).forEach(l -> funders.add(l.organisation().id()));
        return funders;
    }

    /** What the organisation's lines draw on its envelopes. */
    public Money amountFundedBy(Long organisationId) {
        return lines.stream().filter(l -> l.drawsOnEnvelope() && l.organisation().id().equals(organisationId))
                .map(PlanLine::amount).reduce(Money.ZERO, Money::plus);
    }

    /** A digest of the organisation's lines (envelope, instrument, amount), in plan order. */
    public String fingerprintOf(Long organisationId) {
        StringBuilder text = new StringBuilder();
        for (PlanLine line : lines) {
            if (line.organisation().id().equals(organisationId)) {
                text.append(line.envelope().map(Envelope::code).orElse("-")).append('|')
                        .append(line.instrument()).append('|').append(line.amount().toPlainString()).append('\n');
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * What the call's eligibility rules need to know, in euro cents: the eligible cost, public and private money,
     * and what the lead brings of the public money when it is a local authority.
     */
    public EligibilityFacts eligibilityFacts(String programmeCode, Theme theme, Organisation lead,
                                             Money eligibleCost) {
        long publicCents = 0;
        long leadPublicCents = 0;
        for (PlanLine line : lines) {
            if (line.isPublicMoney()) {
                publicCents += line.amount().toCents();
                if (line.organisation().id().equals(lead.id())) {
                    leadPublicCents += line.amount().toCents();
                }
            }
        }
        long cost = eligibleCost.toCents();
        return new EligibilityFacts(programmeCode, theme.name(), cost, publicCents, cost - publicCents, lead.isLocalAuthority(),
                leadPublicCents);
    }

    public List<PlanLine> lines() {
        return lines;
    }
}
