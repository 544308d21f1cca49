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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What a request achieved on one impact indicator, as reported with a milestone's evidence: never changed, the latest
 * report is the request's actual.
 */
@Entity
@Table(name = "impact_actual")
public class ImpactActual {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id", updatable = false)
    private FundingRequest request;

    @Column(name = "tranche_id", updatable = false)
    private Long trancheId;

    @Column(nullable = false, length = 30, updatable = false)
    private String code;

    @Column(nullable = false, precision = 19, scale = ImpactTarget.SCALE, updatable = false)
    private BigDecimal value;

    @Column(name = "reported_by", nullable = false, length = 64, updatable = false)
    private String reportedBy;

    @Column(name = "reported_at", nullable = false, updatable = false)
    private Instant reportedAt;

    protected ImpactActual() {
    }

    ImpactActual(FundingRequest request, Long trancheId, String code, BigDecimal value, String reportedBy,
                 Instant reportedAt) {
        this.request = request;
        this.trancheId = trancheId;
        this.code = Objects.requireNonNull(code);
        this.value = Objects.requireNonNull(value);
        this.reportedBy = Objects.requireNonNull(reportedBy);
        this.reportedAt = Objects.requireNonNull(reportedAt);
    }

    public Long id() {
        return id;
    }

    public Long trancheId() {
        return trancheId;
    }

    public String code() {
        return code;
    }

    public BigDecimal value() {
        return value;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public Instant reportedAt() {
        return reportedAt;
    }
}
