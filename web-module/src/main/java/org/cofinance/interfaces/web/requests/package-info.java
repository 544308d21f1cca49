/**
 * The officers' pages of funding requests: the list with its filters, the editor with its live plan balance,
 * the request page.
 */
package org.cofinance.interfaces.web.requests;
