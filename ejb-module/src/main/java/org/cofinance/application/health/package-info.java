/**
 * Whether the application can serve: the process engine, the database and the process models, as the infrastructure
 * reports them ({@link org.cofinance.application.health.Readiness}).
 */
package org.cofinance.application.health;
