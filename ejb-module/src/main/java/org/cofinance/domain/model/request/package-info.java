/**
 * Funding requests: a project's ask for money, its financing plan, its status along the workflow and the decisions
 * of its financers.
 */
package org.cofinance.domain.model.request;
