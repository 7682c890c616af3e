/**
 * The rule versions in service: loading a folder (read, check the language, compile, run
 * the scenarios) and the registry that chooses the version pinned or in force on a date.
 * The top of the rules packages.
 */
package dk.model3.rules.versions;
