/**
 * Organisations: the legal parties that finance projects or carry them, identified by SIRET where they have one.
 */
package org.cofinance.domain.model.organisation;
