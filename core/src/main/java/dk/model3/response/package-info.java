/**
 * The response a triage gives, in the shape of the public API, and the JSON it is written
 * as: the same bytes from the API, the batch and the Spark job.
 */
package dk.model3.response;
