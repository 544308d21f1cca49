/**
 * Value objects and rules shared by every aggregate: money in exact euros and the domain's exception.
 */
package org.cofinance.domain.model.shared;
