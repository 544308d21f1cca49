package org.cofinance.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.cofinance.application.access.PasswordHasher;

/** The application's password hashing: PBKDF2-HMAC-SHA256 ({@link PasswordHashing}). */
@ApplicationScoped
public class Pbkdf2PasswordHasher implements PasswordHasher {

    @Override
    public String hash(char[] password) {
        return PasswordHashing.hash(password);
    }

    @Override
    public boolean verify(char[] password, String storedHash) {
        return PasswordHashing.verify(password, storedHash);
    }

    @Override
    public boolean needsRehash(String storedHash) {
        return PasswordHashing.iterationsOf(storedHash) < PasswordHashing.ITERATIONS;
    }
}
