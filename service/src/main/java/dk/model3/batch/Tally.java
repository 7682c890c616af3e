package dk.model3.batch;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.response.ResponseTemplates;
import dk.model3.rules.Decision;

/** Counts of one version's results: by status, tier, flag, area, age band and rule. */
final class Tally {

	/** Age bands by their lower bounds: the model's own boundaries (15, 18, 25, 30). */
	static final int[] AGE_BANDS = { 0, 15, 18, 25, 30, 40, 50, 60, 67 };

	final long[] status = new long[Status.values().length];

	final long[] tier = new long[Tier.values().length];

	final long[] flag = new long[Flag.values().length];

	final long[] area = new long[Area.values().length];

	final long[] ageBand = new long[AGE_BANDS.length];

	final Map<String, Long> versions = new TreeMap<>();

	final Map<String, Long> rules = new HashMap<>();

	long total;

	// lines per decision shape, not yet spread over the counts above: everything counted
	// but the age follows from the shape, so a line costs one look-up
	private final Map<ResponseTemplates.Shape, long[]> shapes = new IdentityHashMap<>();

	void add(int age, Evaluated evaluated) {
		this.total++;
		this.ageBand[band(age)]++;
		long[] lines = this.shapes.get(evaluated.shape());
		if (lines == null) {
			lines = new long[1];
			this.shapes.put(evaluated.shape(), lines);
		}
		lines[0]++;
	}

	/** Lines given this tier. */
	long tier(Tier given) {
		spread();
		return this.tier[given.ordinal()];
	}

	void merge(Tally other) {
		spread();
		other.spread();
		this.total += other.total;
		add(this.status, other.status);
		add(this.tier, other.tier);
		add(this.flag, other.flag);
		add(this.area, other.area);
		add(this.ageBand, other.ageBand);
		other.versions.forEach((key, value) -> this.versions.merge(key, value, Long::sum));
		other.rules.forEach((key, value) -> this.rules.merge(key, value, Long::sum));
	}

	Map<String, Object> toMap() {
		spread();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("total", this.total);
		map.put("rulesVersions", this.versions);
		map.put("byStatus", byName(Status.values(), this.status));
		map.put("byTier", byName(Tier.values(), this.tier));
		map.put("byFlag", byName(Flag.values(), this.flag));
		map.put("byResponsibleArea", byName(Area.values(), this.area));
		Map<String, Long> bands = new LinkedHashMap<>();
		for (int i = 0; i < AGE_BANDS.length; i++) {
			bands.put(bandName(i), this.ageBand[i]);
		}
		map.put("byAgeBand", bands);
		map.put("rulesFired", new TreeMap<>(this.rules));
		return map;
	}

	private void spread() {
		this.shapes.forEach((shape, lines) -> {
			long n = lines[0];
			Decision decision = shape.decision();
			this.status[decision.status().ordinal()] += n;
			if (decision.tier() != null) {
				this.tier[decision.tier().ordinal()] += n;
			}
			for (Flag raised : decision.flags()) {
				this.flag[raised.ordinal()] += n;
			}
			this.area[decision.responsibleArea().ordinal()] += n;
			this.versions.merge(decision.rulesVersion(), n, Long::sum);
			for (String rule : shape.ruleIds()) {
				this.rules.merge(rule, n, Long::sum);
			}
		});
		this.shapes.clear();
	}

	static int band(int age) {
		int band = 0;
		while (band + 1 < AGE_BANDS.length && age >= AGE_BANDS[band + 1]) {
			band++;
		}
		return band;
	}

	static String bandName(int band) {
		return (band + 1 < AGE_BANDS.length) ? AGE_BANDS[band] + "-" + (AGE_BANDS[band + 1] - 1)
				: AGE_BANDS[band] + "+";
	}

	private static Map<String, Long> byName(Enum<?>[] values, long[] counts) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			map.put(value.name(), counts[value.ordinal()]);
		}
		return map;
	}

	private static void add(long[] into, long[] from) {
		for (int i = 0; i < into.length; i++) {
			into[i] += from[i];
		}
	}

}
