package org.cofinance.application.ledger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.domain.model.ledger.EntryKind;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.LedgerEntry;
import org.cofinance.domain.model.ledger.Movement;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/**
 * Envelope balances and ledger entries. Officers, finance and administrators see every envelope; an approver sees
 * his organisation's only.
 */
@Stateless
public class EnvelopeService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    @Inject
    private Clock clock;

    public Page<EnvelopeView> list(Paging paging) {
        Caller caller = callers.current();
        String where = caller.seesAllOrganisations() ? "" : " where e.owner.id = :org";
        var query = em.createQuery("select e from Envelope e join fetch e.owner" + where + " order by e.code",
                Envelope.class);
        var count = em.createQuery("select count(e) from Envelope e" + where, Long.class);
        if (!caller.seesAllOrganisations()) {
            query.setParameter("org", caller.organisationId());
            count.setParameter("org", caller.organisationId());
        }
        List<EnvelopeView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList().stream().map(e -> EnvelopeView.of(e, null)).toList();
        return new Page<>(items, count.getSingleResult());
    }

    public EnvelopeView get(Long id) {
        Envelope envelope = visible(id);
        List<EnvelopeView> children = em.createQuery(
                        "select e from Envelope e where e.parent.id = :id order by e.code", Envelope.class)
                .setParameter("id", id).getResultList().stream().map(e -> EnvelopeView.of(e, null)).toList();
        return EnvelopeView.of(envelope, children);
    }

    public Page<EntryView> entries(Long id, Paging paging) {
        visible(id);
        List<EntryView> items = em.createQuery(
                        "select l from LedgerEntry l where l.envelopeId = :id order by l.id", LedgerEntry.class)
                .setParameter("id", id).setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList().stream().map(EntryView::of).toList();
        long total = em.createQuery("select count(l) from LedgerEntry l where l.envelopeId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        return new Page<>(items, total);
    }

    /** The balances of an envelope, its sub-envelopes counted, at the end of a day (Paris time) that moved them. */
    public record ConsumptionPoint(LocalDate day, String ceiling, String reserved, String committed,
                                   String disbursed) {
    }

    /** How an envelope was consumed over time, from its ledger entries and those of its sub-envelopes. */
    public List<ConsumptionPoint> consumption(Long id) {
        visible(id);
        List<?> rows = em.createNativeQuery("""
                with recursive subtree (id) as (
                    select cast(?1 as bigint)
                    union all
                    select e.id from subtree s join envelope e on e.parent_id = s.id
                )
                select cast(l.at at time zone 'Europe/Paris' as date) as day,
                       sum(case l.kind when 'RESERVE' then l.amount when 'POST' then -l.amount
                                       when 'VOID' then -l.amount else 0 end),
                       sum(case l.kind when 'POST' then l.amount when 'RELEASE' then -l.amount else 0 end),
                       sum(case l.kind when 'DISBURSE' then l.amount else 0 end),
                       (array_agg(l.amount order by l.id desc) filter (where l.kind = 'AMEND' and l.envelope_id = ?1))[1]
                from ledger_entry l
                where l.envelope_id in (select id from subtree)
                group by 1 order by 1
                """).setParameter(1, id).getResultList();
        List<ConsumptionPoint> points = new ArrayList<>();
        BigDecimal ceiling = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal disbursed = BigDecimal.ZERO;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            reserved = reserved.add((BigDecimal) r[1]);
            committed = committed.add((BigDecimal) r[2]);
            disbursed = disbursed.add((BigDecimal) r[3]);
            if (r[4] != null) {
                ceiling = (BigDecimal) r[4];
            }
            LocalDate day = r[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) r[0];
            points.add(new ConsumptionPoint(day, Money.of(ceiling).toPlainString(),
                    Money.of(reserved).toPlainString(), Money.of(committed).toPlainString(),
                    Money.of(disbursed).toPlainString()));
        }
        return points;
    }

    /** Opens an envelope (ADMIN); its opening ceiling is the first AMEND entry of its ledger. */
    public EnvelopeView create(NewEnvelope command) {
        Caller caller = callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        if (command.code() == null || !command.code().matches("[A-Z0-9][A-Z0-9_-]{1,39}")) {
            violations.add(new Violation("code", "is 2 to 40 capital letters, digits, '-' or '_'"));
        } else if (findByCode(command.code()) != null) {
            violations.add(new Violation("code", "is already used by another envelope"));
        }
        if (command.name() == null || command.name().isBlank() || command.name().strip().length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        Organisation owner = command.ownerOrganisationId() == null ? null
                : em.find(Organisation.class, command.ownerOrganisationId());
        if (owner == null) {
            violations.add(new Violation("ownerOrganisationId", "names an existing organisation"));
        }
        Money ceiling = Inputs.amount(command.ceiling(), "ceiling", violations, true);
        Envelope parent = null;
        if (command.parentCode() != null && !command.parentCode().isBlank()) {
            parent = findByCode(command.parentCode());
            if (parent == null) {
                violations.add(new Violation("parentCode", "no envelope " + command.parentCode()));
            } else if (owner != null && !parent.isOwnedBy(owner.id())) {
                violations.add(new Violation("parentCode", "a sub-envelope belongs to its parent's owner"));
            } else if (ceiling != null && ceiling.isGreaterThan(parent.ceiling())) {
                violations.add(new Violation("ceiling", "does not fit inside the parent's "
                        + parent.ceiling().toPlainString() + " EUR"));
            }
        }
        LocalDate from = Inputs.date(command.validFrom(), "validFrom", violations);
        LocalDate to = Inputs.date(command.validTo(), "validTo", violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new Violation("validTo", "is on or after validFrom"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (parent != null) {
            em.refresh(parent, LockModeType.PESSIMISTIC_WRITE);
        }
        Envelope envelope = new Envelope(command.code(), command.name(), owner, parent, ceiling, from, to);
        em.persist(envelope);
        em.flush();
        em.persist(envelope.openingEntry(new Movement(caller.username(), clock.instant(), "envelope:" + envelope.id()
                + ":open", "opening ceiling")));
        return EnvelopeView.of(envelope, List.of());
    }

    /**
     * Amends an envelope's ceiling (ADMIN), with a reason; refused when it would go below what the envelope holds.
     */
    public EntryView amend(Long id, String ceilingText, String reason, String idempotencyKey) {
        Caller caller = callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        Money ceiling = Inputs.amount(ceilingText, "ceiling", violations, true);
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            violations.add(new Violation("reason", "is required, at most 1000 characters"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Envelope envelope = em.find(Envelope.class, id);
        if (envelope == null) {
            throw new NotFoundException("no envelope " + id);
        }
        String key = idempotencyKey == null ? null : "amend:" + id + ":" + idempotencyKey;
        if (key != null) {
            LedgerEntry first = entryByKey(key);
            if (first != null) {
                if (!first.sameMovementAs(EntryKind.AMEND, id, ceiling)) {
                    throw new IdempotencyKeyReusedException(idempotencyKey);
                }
                return EntryView.of(first);
            }
        }
        for (Envelope e : envelope.chain()) {
            em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
        }
        Money largestChild = em.createQuery("select max(e.ceiling) from Envelope e where e.parent.id = :id",
                Money.class).setParameter("id", id).getSingleResult();
        LedgerEntry entry = envelope.amend(ceiling, largestChild == null ? Money.ZERO : largestChild,
                new Movement(caller.username(), clock.instant(), key != null ? key : "amend:" + id + ":" + UUID.randomUUID(),
                        reason.strip()));
        em.persist(entry);
        em.flush();
        return EntryView.of(entry);
    }

    public record NewEnvelope(String code, String name, Long ownerOrganisationId, String ceiling, String parentCode,
                              String validFrom, String validTo) {
    }

    private LedgerEntry entryByKey(String key) {
        return em.createQuery("select l from LedgerEntry l where l.idempotencyKey = :k", LedgerEntry.class)
                .setParameter("k", key).getResultStream().findFirst().orElse(null);
    }

    private Envelope findByCode(String code) {
        return em.createQuery("select e from Envelope e where e.code = :c", Envelope.class).setParameter("c", code)
                .getResultStream().findFirst().orElse(null);
    }


    private Envelope visible(Long id) {
        Caller caller = callers.current();
        Envelope envelope = em.find(Envelope.class, id);
        if (envelope == null || !(caller.seesAllOrganisations() || envelope.isOwnedBy(caller.organisationId()))) {
            throw new NotFoundException("no envelope " + id);
        }
        return envelope;
    }
}
