/**
 * Who is calling and what he may do: the signed-in caller with his roles and organisation, sign-in and its
 * throttling, the identity store's checks and its administration. Declares the password hashing it needs
 * ({@link org.cofinance.application.access.PasswordHasher}); the infrastructure implements it.
 */
package org.cofinance.application.access;
