/**
 * Technical services behind the domain and application layers: persistence and migrations, the process engine,
 * security, demo data.
 */
package org.cofinance.infrastructure;
