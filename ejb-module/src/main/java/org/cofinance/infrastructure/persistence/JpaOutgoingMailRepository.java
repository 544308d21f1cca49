package org.cofinance.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cofinance.domain.model.notification.OutgoingMail;
import org.cofinance.domain.model.notification.OutgoingMailRepository;

/** The outbox in PostgreSQL: due mails locked {@code FOR UPDATE SKIP LOCKED}. */
@ApplicationScoped
public class JpaOutgoingMailRepository implements OutgoingMailRepository {

    private static final String DUE = "select * from outgoing_mail where status = 'QUEUED' and next_attempt_at <= ?1 "
            + "order by id limit ?2 for update skip locked";
    private static final String ONE_DUE = "select * from outgoing_mail where status = 'QUEUED' "
            + "and next_attempt_at <= ?1 and id = ?2 for update skip locked";

    @PersistenceContext
    private EntityManager em;

    @Override
    public void add(OutgoingMail mail) {
        em.persist(mail);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<OutgoingMail> lockDue(Instant now, int limit) {
        return em.createNativeQuery(DUE, OutgoingMail.class).setParameter(1, now).setParameter(2, limit)
                .getResultList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<OutgoingMail> lockIfDue(long id, Instant now) {
        return em.createNativeQuery(ONE_DUE, OutgoingMail.class).setParameter(1, now).setParameter(2, id)
                .getResultStream().findFirst();
    }
}
