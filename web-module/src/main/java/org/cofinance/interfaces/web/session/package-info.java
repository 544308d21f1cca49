/**
 * Signing in and out of the pages, the session's user and language, and the filters every page goes through
 * (authentication, security headers).
 */
package org.cofinance.interfaces.web.session;
