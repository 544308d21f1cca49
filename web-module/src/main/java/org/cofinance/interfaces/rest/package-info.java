/**
 * The REST channel: resources that map HTTP to application services, problem+json errors, Basic authentication.
 */
package org.cofinance.interfaces.rest;
