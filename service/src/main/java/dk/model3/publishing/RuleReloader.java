package dk.model3.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dk.model3.rules.RuleLoader;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.RuleVersions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Picks up new and changed version folders while the service runs. Each changed folder is
 * compiled, checked and its scenarios run here, on the caller's thread (the watcher or
 * the admin request), never on a triage request; only a version that passes is swapped
 * in, atomically, by {@link RuleVersions}. A broken one leaves whatever was serving in
 * place and is recorded as refused. Requests already running keep the version they
 * resolved. Every checksum change is logged, so an edit of a version in force never goes
 * unnoticed.
 */
@Component
public class RuleReloader {

	private static final Logger log = LoggerFactory.getLogger(RuleReloader.class);

	private final RuleLoader loader;

	private final RuleVersions versions;

	private final MeterRegistry meters;

	// checksum of the files last looked at, per folder, accepted or not
	private final Map<String, String> lastSeen = new HashMap<>();

	private final Map<String, Refusal> refusals = new HashMap<>();

	public RuleReloader(RuleLoader loader, RuleVersions versions, MeterRegistry meters) {
		this.loader = loader;
		this.versions = versions;
		this.meters = meters;
		for (RuleVersions.Entry entry : versions.entries()) {
			this.lastSeen.put(entry.version(), entry.checksum());
			if (entry.state() == RuleVersions.State.REFUSED) {
				this.refusals.put(entry.version(), new Refusal(entry.checksum(), entry.loadedAt(), entry.problems()));
			}
		}
		Gauge.builder("triage.rules.versions.active", versions, (registry) -> registry.active().size())
			.description("Rule versions serving requests")
			.register(meters);
	}

	/** Whether the rules can change at all: packaged rules cannot. */
	public boolean reloadable() {
		return this.loader.folders().isDirectory();
	}

	public String source() {
		return this.loader.folders().describe();
	}

	/** Looks at every version folder and loads the new and changed ones. */
	public synchronized ReloadResult reload() {
		List<ReloadResult.VersionReload> results = new ArrayList<>();
		if (reloadable()) {
			List<RuleVersionFiles> folders;
			try {
				folders = this.loader.folders().versions();
			}
			catch (RuntimeException ex) {
				log.error("Rule reload failed: cannot read {}: {}", source(), ex.getMessage());
				count(ReloadResult.Outcome.REFUSED);
				return new ReloadResult(List.of());
			}
			for (RuleVersionFiles files : folders) {
				results.add(reload(files));
			}
			Set<String> present = folders.stream().map(RuleVersionFiles::folder).collect(Collectors.toSet());
			for (RuleVersions.Entry entry : this.versions.entries()) {
				if (!present.contains(entry.version()) && entry.state() != RuleVersions.State.RETIRED) {
					results.add(retire(entry));
				}
			}
		}
		if (results.stream().allMatch((result) -> result.outcome() == ReloadResult.Outcome.UNCHANGED)) {
			count(ReloadResult.Outcome.UNCHANGED);
		}
		return new ReloadResult(results);
	}

	/** The last refusal of a version folder, if its files were ever refused. */
	public synchronized Optional<Refusal> refusal(String version) {
		return Optional.ofNullable(this.refusals.get(version));
	}

	private ReloadResult.VersionReload reload(RuleVersionFiles files) {
		String version = files.folder();
		String checksum = files.checksum();
		String previous = this.lastSeen.get(version);
		if (checksum.equals(previous)) {
			return new ReloadResult.VersionReload(version, ReloadResult.Outcome.UNCHANGED, checksum, previous,
					List.of());
		}
		this.lastSeen.put(version, checksum);
		RuleVersions.Entry serving = this.versions.entries()
			.stream()
			.filter((entry) -> entry.version().equals(version) && entry.state() == RuleVersions.State.ACTIVE)
			.findFirst()
			.orElse(null);
		if (serving != null) {
			log.warn("Rule version {} (in force from {}) was edited: checksum {} -> {}; compiling and testing it",
					version, serving.inForceFrom(), serving.checksum(), checksum);
		}
		try {
			this.versions.activate(this.loader.load(files));
			this.refusals.remove(version);
			log.info("Rule version {} activated: checksum {} ({})", version, checksum,
					(previous != null) ? "was " + previous : "a new version");
			count(ReloadResult.Outcome.ACTIVATED);
			return new ReloadResult.VersionReload(version, ReloadResult.Outcome.ACTIVATED, checksum, previous,
					List.of());
		}
		catch (RuleVersionRefused ex) {
			return refuse(version, checksum, previous, ex.problems(), serving);
		}
		catch (RuntimeException ex) {
			// whatever else goes wrong with a folder, it must not stop the others
			return refuse(version, checksum, previous,
					List.of(new RuleProblem(version, 0, 0, "cannot load: " + ex.getMessage())), serving);
		}
	}

	private ReloadResult.VersionReload retire(RuleVersions.Entry entry) {
		this.versions.retire(entry.version());
		this.lastSeen.remove(entry.version());
		this.refusals.remove(entry.version());
		log.warn("Rule version {} retired: its folder is gone from {}; checksum {} ({}) serves no more",
				entry.version(), source(), entry.checksum(), entry.state());
		count(ReloadResult.Outcome.RETIRED);
		return new ReloadResult.VersionReload(entry.version(), ReloadResult.Outcome.RETIRED, null, entry.checksum(),
				List.of());
	}

	private ReloadResult.VersionReload refuse(String version, String checksum, String previous,
			List<RuleProblem> problems, RuleVersions.Entry serving) {
		this.versions.refuse(version, checksum, problems);
		this.refusals.put(version, new Refusal(checksum, Instant.now(), problems));
		log.error("Rule version {} refused (checksum {}); {}: {}", version, checksum,
				(serving != null) ? "checksum " + serving.checksum() + " keeps serving" : "it does not serve",
				problems);
		count(ReloadResult.Outcome.REFUSED);
		return new ReloadResult.VersionReload(version, ReloadResult.Outcome.REFUSED, checksum, previous, problems);
	}

	private void count(ReloadResult.Outcome outcome) {
		Counter.builder("triage.rules.reloads")
			.description(
					"Rule version reloads by outcome: per version activated, refused or retired, or nothing changed")
			.tag("outcome", outcome.name().toLowerCase())
			.register(this.meters)
			.increment();
	}

}
