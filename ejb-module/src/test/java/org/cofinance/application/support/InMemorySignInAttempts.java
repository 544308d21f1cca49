package org.cofinance.application.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.domain.model.user.SignInAttemptRepository;

/** The audit of sign-in tries kept in memory; one thread at a time needs no lock. */
public final class InMemorySignInAttempts implements SignInAttemptRepository {

    private final List<SignInAttempt> attempts = new ArrayList<>();

    @Override
    public void serialise(String username) {
        // one test thread: nothing to serialise
    }

    @Override
    public void serialiseAddress(String address) {
        // one test thread: nothing to serialise
    }

    @Override
    public List<SignInAttempt> recentOf(String username, String address, Instant since, int limit) {
        return newestFirst().stream().filter(a -> a.username().equals(username)
                && Objects.equals(a.remoteAddress(), address) && !a.at().isBefore(since)).limit(limit).toList();
    }

    @Override
    public List<SignInAttempt> failuresFrom(String address, Instant since, int limit) {
        return newestFirst().stream().filter(a -> Objects.equals(a.remoteAddress(), address)
                && a.outcome() == SignInAttempt.Outcome.BAD_CREDENTIALS && !a.at().isBefore(since)).limit(limit)
                .toList();
    }

    @Override
    public void add(SignInAttempt attempt) {
        attempts.add(attempt);
    }

    /** Every attempt kept, oldest first. */
    public List<SignInAttempt> all() {
        return List.copyOf(attempts);
    }

    private List<SignInAttempt> newestFirst() {
        List<SignInAttempt> sorted = new ArrayList<>(attempts);
        java.util.Collections.reverse(sorted);
        sorted.sort(Comparator.comparing(SignInAttempt::at).reversed());
        return sorted;
    }
}
