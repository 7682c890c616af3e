package dk.model3.rules;

import java.util.Map;

/**
 * A rule that took part in a decision, with the values of the facts its conditions read.
 */
public record FiredRule(RuleMetadata rule, Map<String, Object> facts) {

}
