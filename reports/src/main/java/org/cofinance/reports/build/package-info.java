/**
 * Build-time tooling: the JRXML compiler run by the reports module's build.
 */
package org.cofinance.reports.build;
