/**
 * The parties: organisations, listed to every signed-in user and registered by administrators.
 */
package org.cofinance.application.organisation;
