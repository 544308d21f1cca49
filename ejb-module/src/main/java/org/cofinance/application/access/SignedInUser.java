package org.cofinance.application.access;

import java.util.Optional;

/**
 * The user name the channel authenticated for the call running on this thread. The web layer sets it around each
 * request after checking the credentials against {@link UserDirectory}; application services read it through
 * {@link Callers}, and never trust anything else.
 */
public final class SignedInUser {

    private static final ThreadLocal<Signed> CURRENT = new ThreadLocal<>();

    /** Who is signed in, and — when the channel has just read them from the store — his roles and organisation. */
    private record Signed(String username, Caller caller) {
    }

    private SignedInUser() {
    }

    /** Signs {@code username} in for this thread until the returned scope is closed. */
    public static Scope signIn(String username) {
        return signIn(new Signed(username, null));
    }

    /**
     * Signs the caller in for this thread until the returned scope is closed, with the roles and organisation the
     * channel read from the store when it checked his credentials for this very call.
     */
    public static Scope signIn(Caller caller) {
        return signIn(new Signed(caller.username(), caller));
    }

    private static Scope signIn(Signed signed) {
        Signed previous = CURRENT.get();
        CURRENT.set(signed);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    static Optional<String> username() {
        return Optional.ofNullable(CURRENT.get()).map(Signed::username);
    }

    static Optional<Caller> caller() {
        return Optional.ofNullable(CURRENT.get()).map(Signed::caller);
    }

    /** The time a user is signed in on a thread; closing it signs him out. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
