package org.cofinance.domain.model.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.util.Objects;
import org.cofinance.domain.model.organisation.Organisation;

/**
 * A partner of the coalition that carries a project beside its lead; it may bring its own money, and may receive a
 * declared share of each grant (0.01 to 1.00, the lead keeping the rest) — none declared, the lead receives it all.
 */
@Embeddable
public class Partner {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(name = "grant_share", precision = 3, scale = 2)
    private BigDecimal grantShare;

    protected Partner() {
    }

    public Partner(Organisation organisation, BigDecimal grantShare) {
        this.organisation = organisation;
        this.grantShare = grantShare;
    }

    /** A partner that receives no share of the grants. */
    public static Partner of(Organisation organisation) {
        return new Partner(organisation, null);
    }

    public Organisation organisation() {
        return organisation;
    }

    /** Its share of each grant, if the coalition declared one. */
    public java.util.Optional<BigDecimal> grantShare() {
        return java.util.Optional.ofNullable(grantShare);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Partner p && Objects.equals(organisation, p.organisation)
                && Objects.equals(grantShare, p.grantShare);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organisation, grantShare);
    }
}
