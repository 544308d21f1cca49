/**
 * Whether the application can serve: the process engine, the database and the process models.
 */
package org.cofinance.application.health;
