package org.cofinance.application.support;

import org.cofinance.application.access.PasswordHasher;

/**
 * A stand-in for PBKDF2 that tests can read: a hash is the password behind a tag, {@code strong:} for those made now,
 * {@code weak:} for those a test stores as made with a former work factor (which ask to be redone).
 */
public final class TaggedPasswordHasher implements PasswordHasher {

    @Override
    public String hash(char[] password) {
        return "strong:" + new String(password);
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        return storedHash.equals("strong:" + new String(password)) || storedHash.equals("weak:" + new String(password));
    }

    @Override
    public boolean needsRehash(String storedHash) {
        return !storedHash.startsWith("strong:");
    }
}
