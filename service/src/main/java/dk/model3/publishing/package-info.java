/**
 * Publishing rule versions in the running service: hot reload (folder watch and admin
 * endpoint), the list of versions at GET /api/v1/rules, and the rule catalogue pages.
 */
package dk.model3.publishing;
