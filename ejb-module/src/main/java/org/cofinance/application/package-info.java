/**
 * Application services: thin transactional use cases (load, call the domain, store) that also check, on every read
 * and write, the caller's role and organisation. The REST and web layers call only these.
 */
package org.cofinance.application;
