/**
 * The repositories in PostgreSQL through JPA, and the database schema's versioned migrations and their runner.
 * Hibernate never creates or changes a table. A query that takes a list of ids ({@code in :ids}) is translated to SQL
 * anew at every call (Hibernate keeps no translation for a list parameter); where one id is the common case (one
 * request's page), the repository asks with {@code = :id} instead, whose translation is kept.
 */
package org.cofinance.infrastructure.persistence;
