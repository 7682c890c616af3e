/**
 * Tools for policy staff who edit the rule files: validate, test, coverage, the
 * exhaustive completeness check, the version diff and the rule catalogue in Markdown. The
 * commands only; the checks they run are the core's ({@code dk.model3.rules.check}).
 */
package dk.model3.authoring;
