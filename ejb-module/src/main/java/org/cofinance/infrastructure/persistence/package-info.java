/**
 * The database schema's versioned migrations and their runner. Hibernate never creates or changes a table.
 */
package org.cofinance.infrastructure.persistence;
