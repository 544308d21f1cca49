package org.cofinance.domain.model.user;

import java.time.Instant;
import java.util.List;

/** The audit of sign-in tries: appended, never changed. */
public interface SignInAttemptRepository {

    /** Serialises the tries of one user name, on every node, until the caller's transaction ends. */
    void serialise(String username);

    /** Serialises the tries from one address, on every node, until the caller's transaction ends. */
    void serialiseAddress(String address);

    /** The user name's tries from that address since {@code since}, newest first, at most {@code limit}. */
    List<SignInAttempt> recentOf(String username, String address, Instant since, int limit);

    /** The wrong passwords from that address since {@code since}, whatever the names, newest first. */
    List<SignInAttempt> failuresFrom(String address, Instant since, int limit);

    void add(SignInAttempt attempt);
}
