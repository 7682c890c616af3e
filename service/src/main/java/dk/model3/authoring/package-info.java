/**
 * Tools for policy staff who edit the rule files: validate, test, coverage, the
 * exhaustive completeness check, the version diff and the rule catalogue in Markdown.
 */
package dk.model3.authoring;
