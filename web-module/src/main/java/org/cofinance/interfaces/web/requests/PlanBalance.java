package org.cofinance.interfaces.web.requests;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The live indicator of the request editor: what the lines typed so far add up to against the eligible cost, and
 * the public and private shares against the call's rules (public at most 80 %, private at least 20 %). It only
 * guides the officer; the eligibility decision of the workflow is the judge.
 */
public record PlanBalance(BigDecimal eligibleCost, BigDecimal total, BigDecimal publicMoney, BigDecimal privateMoney) {

    static final BigDecimal MAX_PUBLIC_SHARE = new BigDecimal("0.80");
    static final BigDecimal MIN_PRIVATE_SHARE = new BigDecimal("0.20");

    public BigDecimal getRemaining() {
        return eligibleCost == null ? null : eligibleCost.subtract(total);
    }

    public boolean isBalanced() {
        return eligibleCost != null && eligibleCost.signum() > 0 && eligibleCost.compareTo(total) == 0;
    }

    public BigDecimal getPublicShare() {
        return share(publicMoney);
    }

    public BigDecimal getPrivateShare() {
        return share(privateMoney);
    }

    public boolean isPublicShareWithinRule() {
        BigDecimal share = getPublicShare();
        return share != null && share.compareTo(MAX_PUBLIC_SHARE) <= 0;
    }

    public boolean isPrivateShareWithinRule() {
        BigDecimal share = getPrivateShare();
        return share != null && share.compareTo(MIN_PRIVATE_SHARE) >= 0;
    }

    private BigDecimal share(BigDecimal part) {
        if (eligibleCost == null || eligibleCost.signum() <= 0) {
            return null;
        }
        return part.divide(eligibleCost, 6, RoundingMode.HALF_EVEN);
    }

    public String getRemainingText() {
        BigDecimal remaining = getRemaining();
        return remaining == null ? null : remaining.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
