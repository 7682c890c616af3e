/**
 * A rule version as text: where the version folders are found and how their files are
 * read ({@link dk.model3.rules.language.RuleFolders}), and what a policy editor may write
 * in them (the checked subset of DRL, {@code version.yaml}, the characters of a text),
 * checked before anything is compiled.
 */
package dk.model3.rules.language;
