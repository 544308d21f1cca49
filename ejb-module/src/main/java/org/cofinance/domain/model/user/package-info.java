/**
 * The people who use Cofinance, their roles and the organisation each acts for.
 */
package org.cofinance.domain.model.user;
