package org.cofinance.domain.model.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of mails. The due mails are locked while they are sent, and skipped by whoever else looks for them at
 * that moment (another node), so that none leaves twice.
 */
public interface OutgoingMailRepository {

    /** Queues a new mail, which gets its id. */
    void add(OutgoingMail mail);

    /** The mails due at {@code now} that nobody else holds, oldest first, at most {@code limit}, locked. */
    List<OutgoingMail> lockDue(Instant now, int limit);

    /** The mail, locked, when it is due at {@code now} and nobody else holds it. */
    Optional<OutgoingMail> lockIfDue(long id, Instant now);
}
