/**
 * The rules' model and evaluation: a compiled version
 * ({@link dk.model3.rules.CompiledRules}) evaluates a profile into a
 * {@link dk.model3.rules.Decision} with its explanation, why-not reasons and trace. Below
 * every other rules package; reading, checking, compiling and choosing versions live in
 * the sub-packages.
 */
package dk.model3.rules;
