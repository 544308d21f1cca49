/**
 * Open data: the grants whose convention is signed, published without sign-in in the SCDL « Subventions » 2.1.1 CSV
 * and as a 360Giving 1.4.3 data package — nothing before signature, no person's name, no e-mail address.
 */
package org.cofinance.application.opendata;
