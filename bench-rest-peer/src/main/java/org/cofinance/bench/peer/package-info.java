/**
 * The REST peer of the lifecycle benchmark: what a team would build with Camunda Run and scripts instead of this
 * application — the same process and decision models with no-op delegates, in an engine of its own on its own schema,
 * behind Camunda's REST API and its basic authentication. Deployed beside the application by the benchmark only.
 */
package org.cofinance.bench.peer;
