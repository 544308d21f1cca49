package org.cofinance.application;

import java.util.Optional;

/**
 * The user name the channel authenticated for the call running on this thread. The web layer sets it around each
 * request after checking the credentials against {@link UserDirectory}; application services read it through
 * {@link Callers}, and never trust anything else.
 */
public final class SignedInUser {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private SignedInUser() {
    }

    /** Signs {@code username} in for this thread until the returned scope is closed. */
    public static Scope signIn(String username) {
        String previous = CURRENT.get();
        CURRENT.set(username);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    static Optional<String> username() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The time a user is signed in on a thread; closing it signs him out. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
