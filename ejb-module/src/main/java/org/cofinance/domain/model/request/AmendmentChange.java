package org.cofinance.domain.model.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Objects;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;

/**
 * One plan line whose amount an amendment changes: a funder's line (on its commitment, {@code before} what it
 * committed) or the lead's own money (no commitment). Never changed once filed.
 */
@Entity
@Table(name = "amendment_change")
public class AmendmentChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "amendment_id", updatable = false)
    private Amendment amendment;

    @Column(name = "plan_line_id", nullable = false, updatable = false)
    private Long planLineId;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    private Long organisationId;

    @Column(name = "commitment_id", updatable = false)
    private Long commitmentId;

    @Column(name = "amount_before", nullable = false, precision = 19, scale = 2, updatable = false)
    private Money before;

    @Column(name = "amount_after", nullable = false, precision = 19, scale = 2, updatable = false)
    private Money after;

    protected AmendmentChange() {
    }

    public AmendmentChange(Long planLineId, Long organisationId, Long commitmentId, Money before, Money after) {
        this.planLineId = Objects.requireNonNull(planLineId, "plan line");
        this.organisationId = Objects.requireNonNull(organisationId, "organisation");
        this.commitmentId = commitmentId;
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
        if (before.equals(after) || after.isNegative()) {
            throw new DomainException("a change of an amendment moves an amount to another, not negative");
        }
    }

    void belongTo(Amendment amendment) {
        this.amendment = amendment;
    }

    /** Whether it changes a funder's commitment, which the funder decides; otherwise the lead's own money. */
    public boolean isFunderChange() {
        return commitmentId != null;
    }

    public boolean isIncrease() {
        return after.isGreaterThan(before);
    }

    /** How much it moves, always positive: what is reserved then posted, or released. */
    public Money difference() {
        return isIncrease() ? after.minus(before) : before.minus(after);
    }

    public Long id() {
        return id;
    }

    public Long planLineId() {
        return planLineId;
    }

    public Long organisationId() {
        return organisationId;
    }

    public Long commitmentId() {
        return commitmentId;
    }

    public Money before() {
        return before;
    }

    public Money after() {
        return after;
    }
}
