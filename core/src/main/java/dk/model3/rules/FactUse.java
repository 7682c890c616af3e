package dk.model3.rules;

/**
 * A fact a rule's conditions read: a profile field ({@code age}), or a derived fact or
 * conclusion the rule requires to exist or, when {@code negated}, not to exist
 * ({@code not VeryComplex()}).
 */
public record FactUse(String name, boolean profileField, boolean negated) {

}
