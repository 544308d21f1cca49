/** The public pages, read without signing in: the signed projects, their public funders, the open data downloads. */
package org.cofinance.interfaces.web.open;
