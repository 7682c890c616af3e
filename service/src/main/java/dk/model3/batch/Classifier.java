package dk.model3.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileKey;
import dk.model3.response.Explain;
import dk.model3.response.ResponseTemplates;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.Decision;
import dk.model3.rules.SharedDecision;

/**
 * Evaluates profiles under a rule version, remembering the decision per distinct profile.
 * A version's rules are a pure function of the profile (their right-hand sides only
 * record conclusions, and a compiled version never changes), so citizens who share a
 * profile are evaluated once. Memory is bounded: past {@code maxEntries} profiles per
 * version, new ones are evaluated without being kept. The key is the profile packed into
 * a long ({@link ProfileKey}).
 */
final class Classifier {

	private final ResponseTemplates templates;

	private final boolean remember;

	private final int maxEntries;

	private final Map<CompiledRules, Map<Long, Evaluated>> memory = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.LongAdder evaluations = new java.util.concurrent.atomic.LongAdder();

	private final Explain explain;

	private final Map<Instance, ResponseTemplates.Shape> shapes = new ConcurrentHashMap<>();

	private final ShortAnswers shortAnswers;

	Classifier(ResponseTemplates templates, boolean remember, int maxEntries) {
		this(templates, remember, maxEntries, Explain.FULL);
	}

	Classifier(ResponseTemplates templates, boolean remember, int maxEntries, Explain explain) {
		this.templates = templates;
		this.remember = remember;
		this.maxEntries = maxEntries;
		this.explain = explain;
		this.shortAnswers = (explain != Explain.FULL) ? new ShortAnswers(templates.mapper(), explain) : null;
	}

	ResponseTemplates templates() {
		return this.templates;
	}

	/**
	 * Writes the answer line for a citizen as the run's {@code --explain} asks: the whole
	 * response, or the short line.
	 */
	void write(Evaluated evaluated, String citizenRef, java.time.LocalDate date,
			java.util.function.Consumer<byte[]> out) {
		if (this.shortAnswers != null) {
			this.shortAnswers.write(evaluated.shape(), citizenRef, out);
		}
		else {
			this.templates.write(evaluated.prepared(), citizenRef, date, out);
		}
	}

	Evaluated evaluate(CompiledRules rules, Profile profile) {
		long packed = this.remember ? ProfileKey.of(profile) : ProfileKey.NONE;
		if (packed == ProfileKey.NONE) {
			return evaluated(rules, profile);
		}
		Long key = ProfileKey.mixed(packed);
		Map<Long, Evaluated> known = this.memory.get(rules);
		if (known == null) {
			// sized for the most it keeps (up to a million): growing it moved every
			// entry,
			// again and again, under the workers' feet (a twentieth of a batch's time)
			known = this.memory.computeIfAbsent(rules,
					(each) -> new ConcurrentHashMap<>(Math.min(this.maxEntries, 1 << 20)));
		}
		Evaluated evaluated = known.get(key);
		if (evaluated == null) {
			evaluated = evaluated(rules, profile);
			if (known.size() < this.maxEntries) {
				Evaluated raced = known.putIfAbsent(key, evaluated);
				evaluated = (raced != null) ? raced : evaluated;
			}
		}
		return evaluated;
	}

	/** How many times the rules ran, for the benchmark. */
	long evaluations() {
		return this.evaluations.sum();
	}

	private Evaluated evaluated(CompiledRules rules, Profile profile) {
		this.evaluations.increment();
		SharedDecision decision = rules.classify(profile);
		ResponseTemplates.Shape shape = shapeOf(decision.withoutFacts());
		return (this.explain == Explain.FULL) ? new Evaluated(this.templates.prepare(shape, decision))
				: new Evaluated(shape);
	}

	// the shape found once for the instance the rules give every profile of a class,
	// instead of hashing the decision, texts included, for every distinct profile
	private ResponseTemplates.Shape shapeOf(Decision withoutFacts) {
		Instance key = new Instance(withoutFacts);
		ResponseTemplates.Shape shape = this.shapes.get(key);
		if (shape == null) {
			shape = this.templates.shapeOf(withoutFacts);
			if (this.shapes.size() < this.maxEntries) {
				this.shapes.putIfAbsent(key, shape);
			}
		}
		return shape;
	}

	/** A decision by identity: the instance, not its contents, which are slow to hash. */
	private record Instance(Decision decision) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Instance that && that.decision == this.decision;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this.decision);
		}

	}

}
