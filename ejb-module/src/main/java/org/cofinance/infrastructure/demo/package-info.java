/**
 * Demo data for the embedded run and the tests, loaded only when the demo profile is on.
 */
package org.cofinance.infrastructure.demo;
