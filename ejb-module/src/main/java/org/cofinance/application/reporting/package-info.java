/**
 * The finance team's reports: one read-model source per report, rendered by the one report service.
 */
package org.cofinance.application.reporting;
