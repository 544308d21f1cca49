/**
 * Password hashing for the application's own identity store.
 */
package org.cofinance.infrastructure.security;
