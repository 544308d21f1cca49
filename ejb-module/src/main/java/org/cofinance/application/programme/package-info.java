/**
 * Programmes as the channels use them: the list every signed-in user reads (a request names one), and their creation
 * by an administrator — a new call is data here plus a decision table deployed with the process.
 */
package org.cofinance.application.programme;
