/**
 * The national evaluation on Apache Spark: the rule versions of triage-core over years of
 * register data, with summaries per period, courses per person and the national
 * indicator.
 */
package dk.model3.spark;
