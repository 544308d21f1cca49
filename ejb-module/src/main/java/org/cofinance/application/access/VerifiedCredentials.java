package org.cofinance.application.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers for a few minutes that a user name and password were verified, so that HTTP Basic, which sends them with
 * every call, does not pay the deliberately slow PBKDF2 check each time. Only a salted SHA-256 of the password, with
 * a random salt of this JVM, is kept in memory; nothing is shared between nodes (each node verifies on its own).
 * What is remembered is bound to the stored hash the password was verified against: once the password is changed,
 * on whichever node, the store holds another hash and the old password is checked again — and refused — everywhere.
 */
public final class VerifiedCredentials {

    private static final int MAX_ENTRIES = 10_000;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[32];
    private final Duration timeToLive;
    private final Clock clock;

    private record Entry(byte[] digest, Instant expires) {
    }

    public VerifiedCredentials(Duration timeToLive, Clock clock) {
        this.timeToLive = timeToLive;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    public boolean contains(String username, String storedHash, char[] password) {
        Entry entry = verified.get(username);
        if (entry == null) {
            return false;
        }
        if (clock.instant().isAfter(entry.expires())) {
            verified.remove(username, entry);
            return false;
        }
        return MessageDigest.isEqual(entry.digest(), digest(username, storedHash, password));
    }

    public void remember(String username, String storedHash, char[] password) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(username, new Entry(digest(username, storedHash, password), clock.instant().plus(timeToLive)));
    }

    private byte[] digest(String username, String storedHash, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
