/**
 * The command line of the same jar: {@code java -jar triage-service.jar <command>}. Each
 * command lives in its feature's package; this package only lists them.
 */
package dk.model3.cli;
