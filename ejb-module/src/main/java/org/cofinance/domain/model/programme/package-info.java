/**
 * Programmes (appels, dispositifs): the calls a request answers, with the organisation that operates them, their
 * dates, their themes and the impact indicators their laureates report. Each programme's eligibility rules are a
 * decision table deployed with the process, not code.
 */
package org.cofinance.domain.model.programme;
