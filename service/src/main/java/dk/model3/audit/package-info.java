/**
 * The decision log: every API decision appended as one JSON line, the citizen reference
 * as a keyed hash; and the {@code replay} command that re-classifies logged decisions
 * under another rule version.
 */
package dk.model3.audit;
