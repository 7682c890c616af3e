package dk.model3.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.facts.Profile;
import dk.model3.rules.CompiledRules;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates profiles under a rule version, remembering the decision per distinct profile.
 * A version's rules are a pure function of the profile (their right-hand sides only
 * record conclusions, and a compiled version never changes), so a population whose
 * citizens share profiles is evaluated once per profile. The memory is bounded: past
 * {@code maxEntries} profiles per version, new ones are evaluated without being kept.
 */
final class Classifier {

	private final JsonMapper mapper;

	private final boolean remember;

	private final int maxEntries;

	private final Map<CompiledRules, Map<Profile, Evaluated>> memory = new ConcurrentHashMap<>();

	Classifier(JsonMapper mapper, boolean remember, int maxEntries) {
		this.mapper = mapper;
		this.remember = remember;
		this.maxEntries = maxEntries;
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	Evaluated evaluate(CompiledRules rules, Profile profile) {
		if (!this.remember) {
			return Evaluated.plain(rules.evaluate(profile));
		}
		Map<Profile, Evaluated> known = this.memory.computeIfAbsent(rules, (key) -> new ConcurrentHashMap<>());
		Evaluated evaluated = known.get(profile);
		if (evaluated == null) {
			evaluated = Evaluated.fragmented(rules.evaluate(profile), this.mapper);
			if (known.size() < this.maxEntries) {
				Evaluated raced = known.putIfAbsent(profile, evaluated);
				evaluated = (raced != null) ? raced : evaluated;
			}
		}
		return evaluated;
	}

}
