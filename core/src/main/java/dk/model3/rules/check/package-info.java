/**
 * The checks of a compiled version beyond its scenarios: the completeness check over the
 * profile space, scenario coverage, the diff between two versions and the record of
 * passed checks in {@code completeness.log}. No framework: the service's commands,
 * workbench and reload use it, and the Spark job can.
 */
package dk.model3.rules.check;
