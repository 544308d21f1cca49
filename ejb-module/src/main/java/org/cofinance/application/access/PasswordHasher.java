package org.cofinance.application.access;

/** How passwords are kept: a salted, deliberately slow hash, checked in constant time. */
public interface PasswordHasher {

    String hash(char[] password);

    /** Whether the password matches the stored hash; a malformed hash never matches. */
    boolean verify(char[] password, String storedHash);

    /** Whether a stored hash is weaker than the hashes made now (fewer iterations): redone at the next sign-in. */
    boolean needsRehash(String storedHash);
}
