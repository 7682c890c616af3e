package dk.model3.facts;

/** The conclusion of a flag rule. */
public record FlagRaised(Flag flag) {

}
