/**
 * The finance team's reports: their definitions (template, columns, labels) and the one renderer that fills and
 * exports them to PDF, XLSX and CSV.
 */
package org.cofinance.reports;
