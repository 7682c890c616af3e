/**
 * A version's {@code scenarios.yaml}: the named cases with their expected outcomes, and
 * running them against the compiled version.
 */
package dk.model3.rules.scenarios;
