/**
 * The finance team's pages: envelopes and their consumption, payments to validate, reports.
 */
package org.cofinance.interfaces.web.finance;
