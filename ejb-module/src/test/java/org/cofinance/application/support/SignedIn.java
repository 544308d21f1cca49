package org.cofinance.application.support;

import java.util.function.Supplier;
import org.cofinance.application.access.SignedInUser;

/** Runs a call of a unit test as a user of the store, signed in for that call only, as the channels do. */
public final class SignedIn {

    private SignedIn() {
    }

    public static <T> T as(String username, Supplier<T> call) {
        try (SignedInUser.Scope scope = SignedInUser.signIn(username)) {
            return call.get();
        }
    }

    public static void as(String username, Runnable call) {
        try (SignedInUser.Scope scope = SignedInUser.signIn(username)) {
            call.run();
        }
    }
}
