package dk.model3.spark;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.NoSingleOutcome;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.util.CollectionAccumulator;

/**
 * A row's decision class under one version, from its profile code. Each executor JVM
 * decides a code once and remembers it; the rules themselves run once per condition
 * class, since the compiled version shares one decision between all profiles that meet
 * the same conditions ({@link CompiledRules#evaluate}). For a version that does not share
 * (its rules bind a value, say), each distinct profile runs the rules. The classes a task
 * used are sent back to the driver once per task, which makes the small table of classes
 * beside the decisions.
 */
final class DecisionClasses implements UDF1<Long, Long>, Serializable {

	/** Codes remembered per version and JVM: a bound on memory. */
	static final int MEMO = 2_000_000;

	private static final Map<String, Map<Long, DecisionClass>> DECIDED = new ConcurrentHashMap<>();

	private final ShippedVersion version;

	private final CollectionAccumulator<DecisionClass> found;

	// per task: the task's copy of this function is its own
	private transient Set<Long> reported;

	DecisionClasses(ShippedVersion version, CollectionAccumulator<DecisionClass> found) {
		this.version = version;
		this.found = found;
	}

	@Override
	public Long call(Long code) {
		if (code == null) {
			return null;
		}
		Map<Long, DecisionClass> decided = DECIDED.computeIfAbsent(this.version.checksum(),
				(checksum) -> new ConcurrentHashMap<>());
		DecisionClass known = decided.get(code);
		if (known == null) {
			known = decide(code);
			if (decided.size() < MEMO) {
				decided.put(code, known);
			}
		}
		if (this.reported == null) {
			this.reported = new HashSet<>();
		}
		if (this.reported.add(known.id())) {
			this.found.add(known);
		}
		return known.id();
	}

	private DecisionClass decide(long code) {
		String id = this.version.version();
		String checksum = this.version.checksum();
		try {
			return DecisionClass.of(id, checksum, ExecutorRules.of(this.version).evaluate(ProfileCodes.decode(code)));
		}
		catch (NoSingleOutcome ex) {
			return DecisionClass.rejected(id, checksum, "no single outcome", ex.getMessage());
		}
		catch (RuntimeException | StackOverflowError ex) {
			// whatever else fails on one profile must not take the job down
			return DecisionClass.rejected(id, checksum, "cannot be evaluated",
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

}
