package org.cofinance.domain.model.user;

import java.time.Instant;
import java.util.List;

/** The audit of sign-in tries: appended, never changed. */
public interface SignInAttemptRepository {

    /** Serialises the tries of one user name, on every node, until the caller's transaction ends. */
    void serialise(String username);

    /** The user name's tries since {@code since}, newest first, at most {@code limit}. */
    List<SignInAttempt> recentOf(String username, Instant since, int limit);

    void add(SignInAttempt attempt);
}
