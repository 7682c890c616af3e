/**
 * The OpenAPI description of the API, served at {@code /v3/api-docs} with an interactive
 * page at {@code /swagger-ui.html}: the request schema of the contract, problems, and an
 * example per outcome produced by the rules themselves.
 */
package dk.model3.openapi;
