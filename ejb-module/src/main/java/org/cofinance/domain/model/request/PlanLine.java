package org.cofinance.domain.model.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;

/** One source of a financing plan: who pays, by which instrument, from which envelope, how much. */
@Entity
@Table(name = "plan_line")
public class PlanLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private FundingRequest request;

    @Column(nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "envelope_id")
    private Envelope envelope;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Instrument instrument;

    @Column(nullable = false, precision = 19, scale = 2)
    private Money amount;

    protected PlanLine() {
    }

    PlanLine(FundingRequest request, int position, PlanLineDraft draft) {
        this.request = request;
        this.position = position;
        this.organisation = draft.organisation();
        this.envelope = draft.envelope();
        this.instrument = draft.instrument();
        this.amount = draft.amount();
    }

    void replaceWith(PlanLineDraft draft) {
        this.organisation = draft.organisation();
        this.envelope = draft.envelope();
        this.instrument = draft.instrument();
        this.amount = draft.amount();
    }

    /** An approved amendment sets its new amount. */
    void amend(Money newAmount) {
        this.amount = newAmount;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Optional<Envelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    public Instrument instrument() {
        return instrument;
    }

    public Money amount() {
        return amount;
    }

    /** A line drawing on an envelope reserves money there and needs its organisation's decision. */
    public boolean drawsOnEnvelope() {
        return envelope != null;
    }

    public boolean isPublicMoney() {
        return organisation.bringsPublicMoney();
    }
}
