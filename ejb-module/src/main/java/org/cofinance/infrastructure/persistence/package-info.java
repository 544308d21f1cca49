/**
 * The repositories in PostgreSQL through JPA, and the database schema's versioned migrations and their runner.
 * Hibernate never creates or changes a table.
 */
package org.cofinance.infrastructure.persistence;
