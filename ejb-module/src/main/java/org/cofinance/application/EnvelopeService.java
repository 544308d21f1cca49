package org.cofinance.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.LedgerEntry;

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

    public Views.Page<Views.EnvelopeView> list(Paging paging) {
        Caller caller = callers.current();
        String where = caller.seesAllOrganisations() ? "" : " where e.owner.id = :org";
        var query = em.createQuery("select e from Envelope e join fetch e.owner" + where + " order by e.code",
                Envelope.class);
        var count = em.createQuery("select count(e) from Envelope e" + where, Long.class);
        if (!caller.seesAllOrganisations()) {
            query.setParameter("org", caller.organisationId());
            count.setParameter("org", caller.organisationId());
        }
        List<Views.EnvelopeView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList().stream().map(e -> Views.EnvelopeView.of(e, null)).toList();
        return new Views.Page<>(items, count.getSingleResult());
    }

    public Views.EnvelopeView get(Long id) {
        Envelope envelope = visible(id);
        List<Views.EnvelopeView> children = em.createQuery(
                        "select e from Envelope e where e.parent.id = :id order by e.code", Envelope.class)
                .setParameter("id", id).getResultList().stream().map(e -> Views.EnvelopeView.of(e, null)).toList();
        return Views.EnvelopeView.of(envelope, children);
    }

    public Views.Page<Views.EntryView> entries(Long id, Paging paging) {
        visible(id);
        List<Views.EntryView> items = em.createQuery(
                        "select l from LedgerEntry l where l.envelopeId = :id order by l.id", LedgerEntry.class)
                .setParameter("id", id).setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultList().stream().map(Views.EntryView::of).toList();
        long total = em.createQuery("select count(l) from LedgerEntry l where l.envelopeId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        return new Views.Page<>(items, total);
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
