package org.cofinance.domain.model.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.cofinance.domain.model.shared.Violation;

/** An impact indicator of a programme: a code ({@code JOBS}), a label, and the unit its values are counted in. */
@Embeddable
public class Indicator {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_]{0,29}");

    @Column(nullable = false, length = 30)
    private String code;

    @Column(nullable = false, length = 200)
    private String label;

    @Column(nullable = false, length = 40)
    private String unit;

    protected Indicator() {
    }

    /** An indicator as typed; the programme that declares it checks it ({@link #violations}). */
    public Indicator(String code, String label, String unit) {
        this.code = code == null ? null : code.strip();
        this.label = label == null ? null : label.strip();
        this.unit = unit == null ? null : unit.strip();
    }

    List<Violation> violations(String field) {
        List<Violation> violations = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            violations.add(new Violation(field + ".code", "is a code of capitals, digits and _ (at most 30)"));
        }
        if (label == null || label.isEmpty() || label.length() > 200) {
            violations.add(new Violation(field + ".label", "is required, at most 200 characters"));
        }
        if (unit == null || unit.isEmpty() || unit.length() > 40) {
            violations.add(new Violation(field + ".unit", "is required, at most 40 characters"));
        }
        return violations;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
