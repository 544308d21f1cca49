/**
 * The embedded Camunda 7 engine: its bootstrap inside the server's JTA transactions, the bridge from BPMN
 * expressions to CDI beans, and the producers of its services.
 */
package org.cofinance.infrastructure.workflow;
