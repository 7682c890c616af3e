package dk.model3.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import dk.model3.facts.ProfileKey;

/**
 * A profile's decision as its class of profiles shares it
 * ({@link CompiledRules#classify}): the class's decision with each rule's facts left out,
 * one instance for every profile of the class, and this profile's facts for each of its
 * rules, read when asked. A caller that keeps something per class (the batch's response
 * templates) finds it by that instance instead of hashing the decision.
 */
public final class SharedDecision {

	private final Decision withoutFacts;

	private final List<List<String>> fields;

	private final Profile profile;

	// the whole profile's key, packed once for all its rules (one call's object, on one
	// thread)
	private long key;

	private boolean keyed;

	SharedDecision(Decision withoutFacts, List<List<String>> fields, Profile profile) {
		this.withoutFacts = withoutFacts;
		this.fields = fields;
		this.profile = profile;
	}

	/**
	 * The decision with each rule's facts empty: the same instance for the whole class.
	 */
	public Decision withoutFacts() {
		return this.withoutFacts;
	}

	/** The profile's facts the rule at this place in the explanation rests on. */
	public Map<String, Object> facts(int rule) {
		return factsOf(this.fields.get(rule), this.profile);
	}

	/** The profile fields the rule at this place in the explanation rests on. */
	public List<String> fields(int rule) {
		return this.fields.get(rule);
	}

	/**
	 * The profile's values of those fields as one key ({@link ProfileKey}): the same for
	 * two profiles exactly when the rule's facts are, so what is made of the facts can be
	 * kept by it without reading them.
	 */
	public long factsKey(int rule) {
		if (!this.keyed) {
			this.key = ProfileKey.of(this.profile);
			this.keyed = true;
		}
		return ProfileKey.only(this.key, this.fields.get(rule));
	}

	/** The profile's values of these fields, in their order. */
	static Map<String, Object> factsOf(List<String> fields, Profile profile) {
		Map<String, Object> facts = new LinkedHashMap<>();
		for (String field : fields) {
			facts.put(field, ProfileFields.value(profile, field));
		}
		return facts;
	}

	/** The whole decision for the profile, its facts in place. */
	public Decision decision() {
		Decision shared = this.withoutFacts;
		List<FiredRule> explanation = new ArrayList<>(shared.explanation().size());
		for (int i = 0; i < shared.explanation().size(); i++) {
			explanation.add(new FiredRule(shared.explanation().get(i).rule(), facts(i)));
		}
		return new Decision(shared.status(), shared.tier(), shared.responsibleArea(), shared.flags(), explanation,
				shared.whyNot(), shared.missingFacts(), shared.nextStep(), shared.rulesVersion(),
				shared.rulesChecksum(), shared.decidingRuleId(), shared.warnings());
	}

}
