/**
 * Which instance of the service this is: its id, reported by GET /api/v1/rules and
 * written on every decision-log line.
 */
package dk.model3.instance;
