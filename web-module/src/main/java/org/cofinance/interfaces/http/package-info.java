/**
 * What both channels, the pages and the API, read of an HTTP request the same way: the client's address.
 */
package org.cofinance.interfaces.http;
