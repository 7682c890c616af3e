package dk.model3.facts;

/**
 * The conclusion of a why-not rule: this tier is not given, for the reason in the rule's
 * text.
 */
public record TierRuledOut(Tier tier) {

}
