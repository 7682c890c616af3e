package dk.model3.rules.versions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.language.DescriptorReader;

/**
 * The rule versions the service runs and the ones it refused. A request takes one
 * immutable snapshot, so a version swapped in mid-request never mixes with the one the
 * request started on.
 */
public final class RuleVersions {

	/** What the service knows of one version folder. */
	public record Entry(String version, LocalDate inForceFrom, String checksum, State state, Instant loadedAt,
			List<RuleProblem> problems, CompiledRules rules) {

		public Entry {
			problems = List.copyOf(problems);
		}

	}

	public enum State {

		ACTIVE,
		/**
		 * Compiled and its scenarios passed; it serves once its completeness check has
		 * passed too.
		 */
		CHECKING, REFUSED,
		/** Its folder was removed: it serves no more. */
		RETIRED

	}

	private final AtomicReference<Map<String, Entry>> entries = new AtomicReference<>(Map.of());

	/**
	 * The active version in force on the date: the one with the latest in-force date on
	 * or before it.
	 */
	public CompiledRules inForceOn(LocalDate date) {
		return active().stream()
			.filter((rules) -> !rules.descriptor().inForceFrom().isAfter(date))
			.max(Comparator.comparing((CompiledRules rules) -> rules.descriptor().inForceFrom()))
			.orElseThrow(() -> new NoVersionInForce(date,
					active().stream()
						.map((rules) -> rules.descriptor().inForceFrom())
						.min(Comparator.naturalOrder())
						.orElse(null)));
	}

	/** The active version with this id. */
	public CompiledRules byId(String version) {
		Entry entry = this.entries.get().get(version);
		if (entry == null || entry.state() != State.ACTIVE) {
			throw new UnknownVersion(version, active().stream().map(CompiledRules::version).toList());
		}
		return entry.rules();
	}

	/** The pinned version when one is given, otherwise the one in force on the date. */
	public CompiledRules resolve(String pinned, LocalDate date) {
		return (pinned != null) ? byId(pinned) : inForceOn(date);
	}

	/** Active versions, oldest first. */
	public List<CompiledRules> active() {
		return this.entries.get()
			.values()
			.stream()
			.filter((entry) -> entry.state() == State.ACTIVE)
			.map(Entry::rules)
			.sorted(Comparator.comparing((CompiledRules rules) -> rules.descriptor().inForceFrom()))
			.toList();
	}

	/** Every version folder, active or refused, by version id. */
	public List<Entry> entries() {
		return new ArrayList<>(this.entries.get().values());
	}

	/**
	 * Puts a version in service, unless another active version comes into force the same
	 * day: the date would choose neither, so the second is refused.
	 */
	public void activate(CompiledRules rules) {
		LocalDate date = rules.descriptor().inForceFrom();
		Entry sameDay = this.entries.get()
			.values()
			.stream()
			.filter((entry) -> entry.state() == State.ACTIVE && !entry.version().equals(rules.version())
					&& date.equals(entry.inForceFrom()))
			.findFirst()
			.orElse(null);
		if (sameDay != null) {
			String file = rules.files().folder() + "/" + RuleVersionFiles.DESCRIPTOR;
			throw new RuleVersionRefused(rules.version(),
					List.of(new RuleProblem(file,
							DescriptorReader.lineOf(rules.files().files().get(RuleVersionFiles.DESCRIPTOR),
									"inForceFrom"),
							1, "inForceFrom " + date + " is the in-force date of version " + sameDay.version()
									+ " too; a date must choose one version")));
		}
		put(new Entry(rules.version(), rules.descriptor().inForceFrom(), rules.checksum(), State.ACTIVE, Instant.now(),
				List.of(), rules));
	}

	/**
	 * Records a refused version. An active version of the same id keeps serving; the
	 * refusal is kept beside it so it stays visible.
	 */
	public void refuse(String version, String checksum, List<RuleProblem> problems) {
		Entry current = this.entries.get().get(version);
		if (current != null && current.state() == State.ACTIVE) {
			put(new Entry(current.version(), current.inForceFrom(), current.checksum(), State.ACTIVE,
					current.loadedAt(), problems, current.rules()));
			return;
		}
		put(new Entry(version, null, checksum, State.REFUSED, Instant.now(), problems, null));
	}

	/**
	 * Records a version waiting for its completeness check; it does not serve. An active
	 * version of the same id keeps serving meanwhile.
	 */
	public void awaitCheck(CompiledRules rules) {
		Entry current = this.entries.get().get(rules.version());
		if (current == null || current.state() != State.ACTIVE) {
			put(new Entry(rules.version(), rules.descriptor().inForceFrom(), rules.checksum(), State.CHECKING,
					Instant.now(), List.of(), rules));
		}
	}

	/** Takes a version out of service because its folder is gone. */
	public void retire(String version) {
		Entry current = this.entries.get().get(version);
		if (current != null) {
			put(new Entry(version, current.inForceFrom(), current.checksum(), State.RETIRED, Instant.now(), List.of(),
					null));
		}
	}

	private void put(Entry entry) {
		this.entries.updateAndGet((current) -> {
			Map<String, Entry> next = new TreeMap<>(current);
			next.put(entry.version(), entry);
			return Map.copyOf(next);
		});
	}

}
