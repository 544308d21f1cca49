/**
 * Who is calling and what he may do: the signed-in caller with his roles and organisation, sign-in and its
 * throttling, the identity store's checks and its administration.
 */
package org.cofinance.application.access;
