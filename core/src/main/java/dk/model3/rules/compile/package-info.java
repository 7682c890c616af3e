/**
 * Compiling a checked rule version with the executable model into
 * {@link dk.model3.rules.CompiledRules}: the one entry point is
 * {@link dk.model3.rules.compile.RuleCompiler}; the check of the generated Java and the
 * versions compiled when the jar is built stay inside.
 */
package dk.model3.rules.compile;
