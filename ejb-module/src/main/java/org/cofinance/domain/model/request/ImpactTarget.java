package org.cofinance.domain.model.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.shared.Violation;

/** What a request promises on one of its programme's impact indicators, in the indicator's unit (120 ETP). */
@Embeddable
public class ImpactTarget {

    /** Values are decimals of at most four places, below a thousand billion. */
    static final int SCALE = 4;
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000000");

    @Column(nullable = false, length = 30)
    private String code;

    @Column(nullable = false, precision = 19, scale = SCALE)
    private BigDecimal target;

    protected ImpactTarget() {
    }

    public ImpactTarget(String code, BigDecimal target) {
        this.code = code;
        this.target = target;
    }

    /**
     * What is wrong with targets on {@code programme}'s indicators: an indicator it does not have, one named twice, a
     * value missing, negative or too precise — each named {@code indicators[i].code|target}.
     */
    static List<Violation> violationsOf(Programme programme, List<ImpactTarget> targets) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            ImpactTarget target = targets.get(i);
            String field = "indicators[" + i + "]";
            if (target == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            if (target.code == null || programme.indicator(target.code).isEmpty()) {
                violations.add(new Violation(field + ".code", "is not an indicator of programme "
                        + programme.code() + " " + programme.indicators().stream().map(
                        org.cofinance.domain.model.programme.Indicator::code).toList()));
            } else if (!seen.add(target.code)) {
                violations.add(new Violation(field + ".code", "is named twice"));
            }
            violations.addAll(valueViolations(target.target, field + ".target"));
        }
        return violations;
    }

    /** A value of an indicator is a decimal, zero or more, of at most four places. */
    static List<Violation> valueViolations(BigDecimal value, String field) {
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > SCALE
                || value.compareTo(LIMIT) >= 0) {
            return List.of(new Violation(field, "is a decimal number, zero or more, with at most " + SCALE
                    + " decimals"));
        }
        return List.of();
    }

    public String code() {
        return code;
    }

    public BigDecimal target() {
        return target;
    }
}
