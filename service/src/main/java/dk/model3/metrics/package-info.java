/**
 * Micrometer meters for decisions, flags, rule firings, evaluation time and refused
 * requests, exposed for Prometheus.
 */
package dk.model3.metrics;
