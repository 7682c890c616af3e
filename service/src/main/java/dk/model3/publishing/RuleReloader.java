package dk.model3.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.check.CheckReport;
import dk.model3.rules.check.CompletenessCheck;
import dk.model3.rules.check.CompletenessRecords;
import dk.model3.rules.check.ProfileSpace;
import dk.model3.rules.versions.RuleLoader;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.RulesProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Puts rule versions in service, at start ({@link #start}, called by the start-up
 * sequence, never by the constructor) and whenever their folders change. Each new or
 * changed folder is compiled, its scenarios run, and it serves only once its completeness
 * check passed for its exact checksum: a passed check recorded by the {@code check}
 * command ({@link CompletenessRecords}) counts at once; without one, the service checks
 * the version itself (core's {@link CompletenessCheck}, over the space
 * {@link RulesProperties.Completeness} says), the full check on a background thread,
 * never on a triage request. A broken version leaves whatever was serving in place and is
 * recorded as refused; a serving version whose folder is gone or half-written keeps
 * serving from memory until a valid folder with its id appears (never replaced by an
 * older version meanwhile), and one that did not serve is retired. Requests already
 * running keep the version they resolved. Every checksum change is logged, so an edit of
 * a version in force never goes unnoticed.
 */
@Component
public class RuleReloader implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RuleReloader.class);

	private final RuleLoader loader;

	private final RuleVersions versions;

	private final MeterRegistry meters;

	// the completeness check: the problems that keep a version from serving
	private final Function<CompiledRules, List<RuleProblem>> check;

	private final RulesProperties.Completeness completeness;

	// checksum of the files last looked at, per folder, accepted or not
	private final Map<String, String> lastSeen = new HashMap<>();

	private final Map<String, Refusal> refusals = new HashMap<>();

	private boolean started;

	// serving versions whose folder is gone, kept serving from memory
	private final Set<String> missing = new HashSet<>();

	// the checksum whose full check is under way, per version
	private final Map<String, String> checking = new HashMap<>();

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "completeness-check");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		return thread;
	});

	// compiles new and changed folders; its threads load classes as this service does
	// (in the packaged jar the system class loader sees none of the nested jars)
	private final ExecutorService cores = Executors
		.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), (task) -> {
			Thread thread = new Thread(task, "rule-versions-load");
			thread.setDaemon(true);
			thread.setContextClassLoader(RuleReloader.class.getClassLoader());
			return thread;
		});

	@Autowired
	public RuleReloader(RuleLoader loader, RuleVersions versions, MeterRegistry meters, RulesProperties properties) {
		this(loader, versions, meters, properties, (rules) -> completeness(rules, properties.completeness()));
	}

	// the tests give a check whose verdict they control: the real full check takes
	// minutes
	RuleReloader(RuleLoader loader, RuleVersions versions, MeterRegistry meters, RulesProperties properties,
			Function<CompiledRules, List<RuleProblem>> check) {
		this.loader = loader;
		this.versions = versions;
		this.meters = meters;
		this.check = check;
		this.completeness = properties.completeness();
		Gauge.builder("triage.rules.versions.active", versions, (registry) -> registry.active().size())
			.description("Rule versions serving requests")
			.register(meters);
	}

	/**
	 * The first load, once, in the start-up sequence ({@link RulesStartup}): every
	 * version folder; fails when no version can serve or be checked.
	 */
	public synchronized ReloadResult start() {
		if (this.started) {
			return new ReloadResult(List.of());
		}
		ReloadResult started = reload();
		this.started = true;
		if (this.versions.active().isEmpty() && this.checking.isEmpty()) {
			throw new IllegalStateException("no rule version could be loaded from " + source() + ": " + started);
		}
		if (!this.checking.isEmpty()) {
			log.warn("Rule versions {} have no recorded completeness check for their checksums and serve only once "
					+ "the service's own check passes (about 10 minutes per version on two cores); run the check "
					+ "command for them and publish {} to avoid the wait", this.checking.keySet(),
					CompletenessRecords.FILE);
		}
		return started;
	}

	/** Whether the rules can change at all: packaged rules cannot. */
	public boolean reloadable() {
		return this.loader.folders().isDirectory();
	}

	public String source() {
		return this.loader.folders().describe();
	}

	/** Looks at every version folder and loads the new and changed ones. */
	public ReloadResult reload() {
		return reload(null);
	}

	/**
	 * Looks at every version folder and loads the new and changed ones, taking
	 * {@code checked} instead of compiling again for the folder it was compiled from: the
	 * workbench's checks compiled and verified it, and its checksum proves the files are
	 * the same. A folder whose checksum differs is compiled and verified as always.
	 * @param checked a version the checks compiled and verified, or null
	 */
	public synchronized ReloadResult reload(CompiledRules checked) {
		List<ReloadResult.VersionReload> results = new ArrayList<>();
		List<RuleVersionFiles> folders;
		Set<String> recorded;
		try {
			folders = this.loader.folders().versions();
			recorded = CompletenessRecords.passed(this.loader.folders());
		}
		catch (RuntimeException ex) {
			log.error("Rule reload failed: cannot read {}: {}", source(), ex.getMessage());
			count(ReloadResult.Outcome.REFUSED);
			return new ReloadResult(List.of());
		}
		Map<String, CompletableFuture<CompiledRules>> compiles = compileChanged(folders, checked);
		for (RuleVersionFiles files : folders) {
			results.add(reload(files, recorded, checked, compiles.get(files.folder())));
		}
		Set<String> present = folders.stream().map(RuleVersionFiles::folder).collect(Collectors.toSet());
		for (RuleVersions.Entry entry : this.versions.entries()) {
			if (present.contains(entry.version())) {
				if (this.missing.remove(entry.version())) {
					log.info("Rule version {}: its folder is back in {}", entry.version(), source());
				}
			}
			else if (entry.state() == RuleVersions.State.ACTIVE) {
				if (this.missing.add(entry.version())) {
					results.add(keep(entry));
				}
			}
			else if (entry.state() != RuleVersions.State.RETIRED) {
				results.add(retire(entry));
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

	/** The checksum of a version whose completeness check is under way, if any. */
	public synchronized Optional<String> checking(String version) {
		return Optional.ofNullable(this.checking.get(version));
	}

	/**
	 * Starts compiling and verifying every new or changed folder at once, each on its own
	 * core: a start with two versions waits for the slower one, not for both in turn. The
	 * folder {@code checked} was compiled from is not compiled again.
	 */
	private Map<String, CompletableFuture<CompiledRules>> compileChanged(List<RuleVersionFiles> folders,
			CompiledRules checked) {
		Map<String, CompletableFuture<CompiledRules>> compiles = new HashMap<>();
		for (RuleVersionFiles files : folders) {
			if (!files.checksum().equals(this.lastSeen.get(files.folder())) && !sameFiles(checked, files)) {
				compiles.put(files.folder(), CompletableFuture.supplyAsync(() -> this.loader.load(files), this.cores));
			}
		}
		return compiles;
	}

	private ReloadResult.VersionReload reload(RuleVersionFiles files, Set<String> recorded, CompiledRules checked,
			CompletableFuture<CompiledRules> compiling) {
		String version = files.folder();
		String checksum = files.checksum();
		String previous = this.lastSeen.get(version);
		if (checksum.equals(previous)) {
			return new ReloadResult.VersionReload(version, ReloadResult.Outcome.UNCHANGED, checksum, previous,
					List.of());
		}
		this.lastSeen.put(version, checksum);
		this.checking.remove(version);
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
			boolean reused = sameFiles(checked, files);
			CompiledRules rules = reused ? checked : compiled(compiling);
			Counter.builder("triage.rules.compiles")
				.description("Rule versions compiled and verified by the reloader (compiled=reload), or taken as the "
						+ "workbench's checks compiled them for the same checksum (compiled=checks)")
				.tag("compiled", reused ? "checks" : "reload")
				.register(this.meters)
				.increment();
			if (recorded.contains(checksum) || this.completeness == RulesProperties.Completeness.OFF) {
				return activate(rules, previous);
			}
			if (this.completeness == RulesProperties.Completeness.QUICK) {
				List<RuleProblem> gaps = this.check.apply(rules);
				return gaps.isEmpty() ? activate(rules, previous) : refuse(version, checksum, previous, gaps, serving);
			}
			this.versions.awaitCheck(rules);
			this.checking.put(version, checksum);
			this.background.execute(() -> checkInBackground(rules, previous));
			log.info("Rule version {} (checksum {}) has no recorded completeness check; checking it in the background",
					version, checksum);
			return new ReloadResult.VersionReload(version, ReloadResult.Outcome.CHECKING, checksum, previous,
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

	// the compile's own exception, as if it had run on this thread
	private static CompiledRules compiled(CompletableFuture<CompiledRules> compiling) {
		try {
			return compiling.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private static boolean sameFiles(CompiledRules checked, RuleVersionFiles files) {
		return checked != null && checked.files().folder().equals(files.folder())
				&& checked.files().checksum().equals(files.checksum());
	}

	private void checkInBackground(CompiledRules rules, String previous) {
		List<RuleProblem> gaps;
		try {
			gaps = this.check.apply(rules);
		}
		catch (RuntimeException ex) {
			gaps = List.of(new RuleProblem(rules.files().folder(), 0, 0, "the completeness check failed: " + ex));
		}
		synchronized (this) {
			if (!rules.checksum().equals(this.checking.get(rules.version()))) {
				return; // edited again meanwhile: the newer files are being looked at
			}
			this.checking.remove(rules.version());
			if (!gaps.isEmpty()) {
				refuse(rules.version(), rules.checksum(), previous, gaps, null);
				return;
			}
			try {
				CompletenessRecords.record(this.loader.folders(), rules, space(this.completeness).size());
			}
			catch (RuntimeException ex) {
				log.warn("Rule version {}: cannot record its passed check: {}", rules.version(), ex.getMessage());
			}
			try {
				activate(rules, previous);
			}
			catch (RuleVersionRefused ex) {
				refuse(rules.version(), rules.checksum(), previous, ex.problems(), null);
			}
		}
	}

	// the check command's check, over the bounded space (FULL) or the space around the
	// age
	// thresholds (QUICK); a failed check comes back as problems, like any other refusal
	private static List<RuleProblem> completeness(CompiledRules rules, RulesProperties.Completeness mode) {
		ProfileSpace space = space(mode);
		log.info("Checking rule version {} over {} profiles", rules.version(), space.size());
		CheckReport report = CompletenessCheck.run(rules, space,
				(progress) -> log.debug("Checking rule version {}: {}", rules.version(), progress));
		List<RuleProblem> problems = report.problems(rules);
		if (problems.isEmpty()) {
			log.info("Rule version {} (checksum {}) passed its completeness check", rules.version(), rules.checksum());
		}
		return problems;
	}

	private static ProfileSpace space(RulesProperties.Completeness mode) {
		return (mode == RulesProperties.Completeness.QUICK) ? ProfileSpace.aroundThresholds() : ProfileSpace.bounded();
	}

	private ReloadResult.VersionReload activate(CompiledRules rules, String previous) {
		this.versions.activate(rules);
		this.refusals.remove(rules.version());
		log.info("Rule version {} activated: in force from {}, checksum {} ({}), from {}", rules.version(),
				rules.descriptor().inForceFrom(), rules.checksum(),
				(previous != null) ? "was " + previous : "a new version", source());
		count(ReloadResult.Outcome.ACTIVATED);
		return new ReloadResult.VersionReload(rules.version(), ReloadResult.Outcome.ACTIVATED, rules.checksum(),
				previous, List.of());
	}

	private ReloadResult.VersionReload keep(RuleVersions.Entry entry) {
		log.warn(
				"Rule version {}: its folder is gone from {} or has no version.yaml; checksum {} keeps serving from "
						+ "memory until a valid folder with this id appears",
				entry.version(), source(), entry.checksum());
		count(ReloadResult.Outcome.KEPT);
		return new ReloadResult.VersionReload(entry.version(), ReloadResult.Outcome.KEPT, entry.checksum(),
				entry.checksum(), List.of());
	}

	private ReloadResult.VersionReload retire(RuleVersions.Entry entry) {
		this.versions.retire(entry.version());
		this.lastSeen.remove(entry.version());
		this.refusals.remove(entry.version());
		this.checking.remove(entry.version());
		log.warn("Rule version {} retired: its folder is gone from {}; checksum {} ({}) never served", entry.version(),
				source(), entry.checksum(), entry.state());
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
					"Rule version reloads by outcome: per version activated, refused, checking, kept (folder gone) or retired, or nothing changed")
			.tag("outcome", outcome.name().toLowerCase())
			.register(this.meters)
			.increment();
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
		this.cores.shutdownNow();
	}

}
