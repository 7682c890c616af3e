package dk.model3.rules;

import dk.model3.facts.Tier;

/** Why a tier was not given: the first why-not rule of that tier that fired. */
public record TierReason(Tier tier, RuleMetadata rule) {

}
