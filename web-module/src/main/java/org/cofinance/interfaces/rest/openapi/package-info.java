/**
 * The API's OpenAPI 3 description, generated at build time from the JAX-RS resources and their MicroProfile OpenAPI
 * annotations (SmallRye's Maven plugin): the base model it starts from and the filter that adds what every operation
 * shares (the security requirement, the problem+json errors).
 */
package org.cofinance.interfaces.rest.openapi;
