package dk.model3.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.rules.CompiledRules;

/**
 * The compiled rule versions of this JVM. A Drools rule base cannot be serialised, so
 * each executor compiles a shipped version the first time one of its tasks needs it and
 * keeps it for every later task and partition: once per version per JVM.
 */
final class ExecutorRules {

	private static final Map<String, CompiledRules> COMPILED = new ConcurrentHashMap<>();

	private ExecutorRules() {
	}

	/**
	 * A version the driver compiled and checked: in local mode its JVM runs the tasks.
	 */
	static void remember(String checksum, CompiledRules compiled) {
		COMPILED.putIfAbsent(checksum, compiled);
	}

	static CompiledRules of(ShippedVersion shipped) {
		// keyed by checksum: two jobs in one JVM (tests) may ship different texts under
		// one id
		return COMPILED.computeIfAbsent(shipped.checksum(), (checksum) -> shipped.compile());
	}

}
