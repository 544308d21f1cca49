/**
 * The BPMN service tasks' delegates: each reads ids from its execution and calls one application service.
 */
package org.cofinance.infrastructure.workflow.delegates;
