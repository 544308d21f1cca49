package org.cofinance.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.request.Decision;
import org.cofinance.domain.model.request.FundingRequest;
import org.cofinance.domain.model.request.PlanLine;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.Money;

/**
 * The facade between the domain and its channels: read-only snapshots built inside the transaction, with money as
 * plain decimal strings ("1250000.00") as the API writes it.
 */
public final class Views {

    private Views() {
    }

    public record Page<T>(List<T> items, long total) {
    }

    public record OrganisationView(Long id, String name, String kind, String siret) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.kind().name(), o.siret().map(Object::toString).orElse(null));
        }
    }

    public record EnvelopeView(Long id, String code, String name, Long ownerOrganisationId, String parentCode,
                               String ceiling, String reserved, String committed, String disbursed, String available,
                               List<EnvelopeView> children) {
        static EnvelopeView of(Envelope e, List<EnvelopeView> children) {
            return new EnvelopeView(e.id(), e.code(), e.name(), e.owner().id(),
                    e.parent().map(Envelope::code).orElse(null), money(e.ceiling()), money(e.reserved()),
                    money(e.committed()), money(e.disbursed()), money(e.available()), children);
        }
    }

    public record EntryView(Long id, Instant at, String kind, String amount, Long requestId, Long commitmentId,
                            String author) {
        static EntryView of(LedgerEntry e) {
            return new EntryView(e.id(), e.at(), e.kind().name(), money(e.amount()), e.requestId(), e.commitmentId(),
                    e.author());
        }
    }

    public record PlanLineView(Long id, Long organisationId, String organisationName, String envelopeCode,
                               String instrument, String amount) {
        static PlanLineView of(PlanLine l) {
            return new PlanLineView(l.id(), l.organisation().id(), l.organisation().name(),
                    l.envelope().map(Envelope::code).orElse(null), l.instrument().name(), money(l.amount()));
        }
    }

    public record DecisionView(Long id, Long organisationId, String level, String decision, String amount,
                               String comment, String author, Instant at) {
        static DecisionView of(Decision d) {
            return new DecisionView(d.id(), d.organisationId(), d.level(), d.outcome().name(),
                    d.amount().map(Views::money).orElse(null), d.comment(), d.author(), d.decidedAt());
        }
    }

    public record CommitmentView(Long id, Long organisationId, String envelopeCode, String instrument, String status,
                                 String reserved, String committed, String disbursed) {
        static CommitmentView of(Commitment c) {
            return new CommitmentView(c.id(), c.organisationId(), c.envelope().code(), c.instrument().name(),
                    c.status().name(), money(c.reserved()), money(c.committed()), money(c.disbursed()));
        }
    }

    /** A tranche of the convention: its share of every commitment, when it is due, where it stands. */
    public record TrancheView(Long id, String label, String share, LocalDate dueOn, String status, String evidence,
                              String evidencedBy, String validatedBy) {
        static TrancheView of(Tranche t) {
            return new TrancheView(t.id(), t.label().name(), t.share().toPlainString(), t.dueOn(), t.status().name(),
                    t.evidence(), t.evidencedBy(), t.validatedBy());
        }
    }

    public record RequestView(Long id, String reference, String title, String territory, String theme,
                              Long leadOrganisationId, String status, String eligibleCost, List<PlanLineView> plan,
                              List<DecisionView> decisions, List<CommitmentView> commitments,
                              List<String> ineligibilityReasons, String processInstanceId, String createdBy,
                              Instant createdAt, Instant submittedAt, String instructedBy,
                              String conventionSignedBy, List<TrancheView> tranches) {
        static RequestView of(FundingRequest r, List<Commitment> commitments) {
            return new RequestView(r.id(), r.reference(), r.title(), r.territory(), r.theme().name(), r.lead().id(),
                    r.status().name(), money(r.eligibleCost()), r.plan().stream().map(PlanLineView::of).toList(),
                    r.decisions().stream().map(DecisionView::of).toList(),
                    commitments.stream().map(CommitmentView::of).toList(), List.copyOf(r.ineligibilityReasons()),
                    r.processInstanceId(), r.createdBy(), r.createdAt(), r.submittedAt(), r.instructedBy(),
                    r.conventionSignedBy(), r.tranches().stream().map(TrancheView::of).toList());
        }
    }

    public record DisbursementView(Long id, Long commitmentId, String amount, String status, String evidence,
                                   String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {
        static DisbursementView of(Disbursement d) {
            return new DisbursementView(d.id(), d.commitment().id(), money(d.amount()), d.status().name(),
                    d.evidence(), d.requestedBy(), d.requestedAt(), d.decidedBy(), d.decidedAt());
        }
    }

    public record CommitmentDetail(CommitmentView commitment, Long requestId, List<DisbursementView> disbursements) {
    }

    /** A task of a task list; {@code late} once its due date has passed. */
    public record TaskView(String id, String name, String taskType, Long requestId, String requestReference,
                           Long organisationId, Instant created, Instant due, String assignee, boolean late,
                           String level) {
    }

    static String money(Money m) {
        return m == null ? null : m.toPlainString();
    }
}
