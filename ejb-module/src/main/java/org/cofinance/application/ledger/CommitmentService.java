package org.cofinance.application.ledger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.IdempotencyStore;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.ledger.Disbursement;
import org.cofinance.domain.model.ledger.DisbursementStatus;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/**
 * Commitments after their posting: disbursements asked by officers and validated by finance (never the same person),
 * and closing, which releases the undisbursed rest to the envelope.
 */
@Stateless
public class CommitmentService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    @EJB
    private IdempotencyStore idempotency;

    @Inject
    private Clock clock;

    public record DisbursementAsk(String amount, String evidence) {
    }

    public CommitmentDetail get(Long commitmentId) {
        Caller caller = callers.current();
        Commitment commitment = find(commitmentId);
        if (!caller.seesAllOrganisations() && !caller.actsFor(commitment.organisationId())) {
            throw new NotFoundException("no commitment " + commitmentId);
        }
        return detail(commitment);
    }

    /** A tranche awaiting finance's validation, with what the queue shows of its request and envelope. */
    public record PendingDisbursement(DisbursementView disbursement, Long requestId, String requestReference,
                                      String requestTitle, String envelopeCode, Long organisationId,
                                      String committed, String disbursed) {
    }

    /** The validation queue of finance: every requested tranche, oldest first. */
    public List<PendingDisbursement> awaitingValidation() {
        callers.current().require(Role.FINANCE);
        return em.createQuery("select d from Disbursement d join fetch d.commitment "
                        + "where d.status = :s order by d.requestedAt, d.id", Disbursement.class)
                .setParameter("s", DisbursementStatus.REQUESTED).setMaxResults(500).getResultList().stream()
                .map(d -> {
                    Commitment c = d.commitment();
                    var request = em.find(org.cofinance.domain.model.request.FundingRequest.class, c.requestId());
                    return new PendingDisbursement(DisbursementView.of(d), c.requestId(), request.reference(),
                            request.title(), c.envelope().code(), c.organisationId(), c.committed().toPlainString(),
                            c.disbursed().toPlainString());
                }).toList();
    }

    /** An officer asks for a tranche to be paid; nothing moves until finance validates it. */
    public DisbursementView requestDisbursement(Long commitmentId, DisbursementAsk ask, String idempotencyKey) {
        Caller caller = callers.current().require(Role.OFFICER);
        String operation = "request-disbursement:" + commitmentId;
        if (idempotencyKey != null) {
            Optional<Long> first = idempotency.replay(caller.username(), idempotencyKey, operation, ask);
            if (first.isPresent()) {
                return DisbursementView.of(em.find(Disbursement.class, first.get()));
            }
        }
        List<Violation> violations = new ArrayList<>();
        Money amount = Inputs.money(ask.amount(), "amount", violations);
        if (ask.evidence() != null && ask.evidence().length() > 1000) {
            violations.add(new Violation("evidence", "has at most 1000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Commitment commitment = em.find(Commitment.class, commitmentId, LockModeType.PESSIMISTIC_WRITE);
        if (commitment == null) {
            throw new NotFoundException("no commitment " + commitmentId);
        }
        Money pending = em.createQuery("select coalesce(sum(d.amount), 0) from Disbursement d "
                        + "where d.commitment = :c and d.status = :s", java.math.BigDecimal.class)
                .setParameter("c", commitment).setParameter("s", DisbursementStatus.REQUESTED)
                .getResultStream().findFirst().map(Money::of).orElse(Money.ZERO);
        Disbursement disbursement = new Disbursement(commitment, amount, pending, ask.evidence(), caller.username(),
                clock.instant());
        em.persist(disbursement);
        em.flush();
        if (idempotencyKey != null) {
            idempotency.remember(caller.username(), idempotencyKey, operation, ask, 201, disbursement.id());
        }
        return DisbursementView.of(disbursement);
    }

    /** Finance validates a tranche: it is paid out of the commitment, as a DISBURSE entry. */
    public DisbursementView validateDisbursement(Long commitmentId, Long disbursementId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Disbursement disbursement = disbursement(commitmentId, disbursementId);
        lockEnvelopes(disbursement.commitment());
        em.refresh(disbursement, LockModeType.PESSIMISTIC_WRITE);
        LedgerEntry entry = disbursement.pay(caller.username(), new Movement(caller.username(), clock.instant(),
                "disbursement:" + disbursementId + ":pay", disbursement.evidence()));
        em.persist(entry);
        em.flush();
        return DisbursementView.of(disbursement);
    }

    public DisbursementView refuseDisbursement(Long commitmentId, Long disbursementId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Disbursement disbursement = disbursement(commitmentId, disbursementId);
        em.refresh(disbursement, LockModeType.PESSIMISTIC_WRITE);
        disbursement.refuse(caller.username(), clock.instant());
        return DisbursementView.of(disbursement);
    }

    /** Closes a commitment (FINANCE): the undisbursed rest goes back to the envelope (dégagement). */
    public CommitmentDetail close(Long commitmentId) {
        Caller caller = callers.current().require(Role.FINANCE);
        Commitment commitment = find(commitmentId);
        lockEnvelopes(commitment);
        em.refresh(commitment, LockModeType.PESSIMISTIC_WRITE);
        boolean pending = !em.createQuery("select d from Disbursement d where d.commitment = :c and d.status = :s",
                        Disbursement.class)
                .setParameter("c", commitment).setParameter("s", DisbursementStatus.REQUESTED).getResultList()
                .isEmpty();
        if (pending) {
            throw new org.cofinance.domain.model.shared.DomainException(
                    "commitment " + commitmentId + " has a disbursement awaiting validation");
        }
        commitment.close(new Movement(caller.username(), clock.instant(), "commitment:" + commitmentId + ":close",
                "closing: undisbursed rest released")).forEach(em::persist);
        em.flush();
        return detail(commitment);
    }

    private CommitmentDetail detail(Commitment commitment) {
        List<Disbursement> disbursements = em.createQuery(
                        "select d from Disbursement d where d.commitment = :c order by d.id", Disbursement.class)
                .setParameter("c", commitment).getResultList();
        return new CommitmentDetail(CommitmentView.of(commitment), commitment.requestId(),
                disbursements.stream().map(DisbursementView::of).toList());
    }

    private Disbursement disbursement(Long commitmentId, Long disbursementId) {
        Disbursement disbursement = em.find(Disbursement.class, disbursementId);
        if (disbursement == null || !disbursement.commitment().id().equals(commitmentId)) {
            throw new NotFoundException("no disbursement " + disbursementId + " on commitment " + commitmentId);
        }
        return disbursement;
    }

    private Commitment find(Long commitmentId) {
        Commitment commitment = em.find(Commitment.class, commitmentId);
        if (commitment == null) {
            throw new NotFoundException("no commitment " + commitmentId);
        }
        return commitment;
    }

    /** The same lock order as {@link LedgerService}: the envelope chain, in id order. */
    private void lockEnvelopes(Commitment commitment) {
        commitment.envelope().chain().stream().sorted(java.util.Comparator.comparing(Envelope::id))
                .forEach(e -> em.refresh(e, LockModeType.PESSIMISTIC_WRITE));
    }

}
