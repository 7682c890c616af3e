/**
 * Batch re-classification: files of triage requests in, one contract response per line
 * out in input order, with rejects, a summary, an optional comparison of two rule
 * versions and a report for people.
 */
package dk.model3.batch;
