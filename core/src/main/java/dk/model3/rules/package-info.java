/**
 * Rule versions: reading a version folder, compiling its DRL with the executable model,
 * choosing the version in force and evaluating a profile into a decision. The only
 * package that touches the rule engine.
 */
package dk.model3.rules;
