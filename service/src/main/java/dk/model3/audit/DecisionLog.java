package dk.model3.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;
import dk.model3.request.TriageRequest;
import dk.model3.rules.Decision;
import dk.model3.rules.FactUse;
import dk.model3.rules.FiredRule;
import dk.model3.rules.TierReason;
import dk.model3.triage.DecisionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The decision log: appends each API decision, and each caseworker's review of one, as a
 * line before it is answered (if the line cannot be written the request fails: a decision
 * the log cannot account for is not given), finds them again by decision id, also after a
 * restart, and deletes the days older than the retention period.
 * <p>
 * It keeps in memory only which day's file holds each decision, and the reviews (a few
 * codes each), so a lookup reads one day's file.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class DecisionLog implements DecisionObserver, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DecisionLog.class);

	// the contract's required profile fields
	private static final List<String> ALWAYS_USED = List.of("age", "benefit");

	private final Path directory;

	private final DailyFileAppender appender;

	private final CitizenRefHasher hasher;

	private final Clock clock;

	private final Period retention;

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Map<String, LocalDate> decisions = new ConcurrentHashMap<>();

	private final Map<String, ReviewRecord> reviews = new ConcurrentHashMap<>();

	// one LocalDate per day, shared by the index entries of that day
	private final Map<LocalDate, LocalDate> days = new ConcurrentHashMap<>();

	private volatile LocalDate purgedOn;

	private final String instance;

	private final PeerLogs peers;

	/**
	 * @param instance the id of this instance, written on every line
	 * @param peers the other instances' log folders, searched for what this log lacks
	 */
	DecisionLog(Path directory, DailyFileAppender appender, CitizenRefHasher hasher, Clock clock, Period retention,
			String instance, List<Path> peers) {
		this.directory = directory;
		this.appender = appender;
		this.hasher = hasher;
		this.clock = clock;
		this.retention = retention;
		this.instance = instance;
		this.peers = new PeerLogs(peers, directory, this.mapper);
	}

	/** The id of the instance this log belongs to, as its lines name it. */
	public String instance() {
		return this.instance;
	}

	/**
	 * Checks every file of the log (owner-only, no links: refuses to start otherwise),
	 * deletes the expired days and indexes the rest.
	 */
	void open() throws IOException {
		for (Path file : DecisionLogFiles.logFilesIn(this.directory)) {
			PrivateFiles.file(file);
		}
		try (var entries = Files.list(this.directory)) {
			for (Path link : entries.filter(Files::isSymbolicLink).toList()) {
				throw new PrivateFiles.UnsafeFile(link + " is a symbolic link in the decision-log folder; "
						+ "the decision log never follows links");
			}
		}
		purge(LocalDate.now(this.clock));
		int unreadable = 0;
		for (Path file : DecisionLogFiles.logFilesIn(this.directory)) {
			unreadable += index(file);
		}
		if (unreadable > 0) {
			log.warn("Decision log: {} line(s) could not be read (a line cut off by a crash, or edited)", unreadable);
		}
		log.info("Decision log: {} decision(s) and {} review(s) within the retention period of {}",
				this.decisions.size(), this.reviews.size(), this.retention);
	}

	private int index(Path file) throws IOException {
		LocalDate day = day(DailyFileAppender.day(file));
		int unreadable = 0;
		try (BufferedReader reader = DecisionLogFiles.open(file)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				try {
					JsonNode node = this.mapper.readTree(line);
					if (ReviewRecord.KIND.equals(node.path("kind").stringValue(null))) {
						ReviewRecord review = this.mapper.treeToValue(node, ReviewRecord.class);
						this.reviews.put(review.decisionId(), review);
					}
					else if (node.path("decisionId").isString()) {
						this.decisions.put(node.path("decisionId").stringValue(), day);
					}
				}
				catch (JacksonException ex) {
					unreadable++;
				}
			}
		}
		return unreadable;
	}

	@Override
	public void decided(String decisionId, TriageRequest request, LocalDate assessmentDate, Decision decision,
			long evaluationNanos) {
		DecisionRecord record = record(decisionId, this.clock.instant(), this.hasher.hash(request.citizenRef()),
				request, assessmentDate, decision, this.instance);
		this.decisions.put(decisionId, append(DecisionLine.of(record)));
	}

	static DecisionRecord record(String decisionId, java.time.Instant time, String citizenRefHmac,
			TriageRequest request, LocalDate assessmentDate, Decision decision, String instance) {
		return new DecisionRecord(DecisionRecord.KIND, decisionId, time, citizenRefHmac, assessmentDate,
				decision.rulesVersion(), request.rulesVersion() != null, decision.rulesChecksum(),
				factsUsed(request.profile(), decision),
				new DecisionRecord.Result(decision.status(), decision.tier(), decision.responsibleArea(),
						List.copyOf(decision.flags()), decision.missingFacts()),
				decision.ruleIds(), decision.decidingRuleId(),
				decision.whyNot()
					.stream()
					.map((reason) -> new DecisionRecord.RuledOut(reason.tier(), reason.rule().id()))
					.toList(),
				instance);
	}

	/**
	 * Records a review before it is answered; false, and nothing written, when the
	 * decision was already reviewed.
	 */
	public boolean reviewed(ReviewRecord review) {
		if (this.peers.any() && this.peers.review(review.decisionId()).isPresent()) {
			return false; // reviewed on another instance
		}
		if (this.reviews.putIfAbsent(review.decisionId(), review) != null) {
			return false;
		}
		try {
			write(review);
			return true;
		}
		catch (RuntimeException ex) {
			this.reviews.remove(review.decisionId(), review);
			throw ex;
		}
	}

	/**
	 * The logged decision with this id, if it is within the retention period, made by
	 * this instance or by one whose log folder is among the peers.
	 */
	public Optional<DecisionRecord> decision(String decisionId) {
		if (decisionId == null) {
			return Optional.empty();
		}
		LocalDate day = this.decisions.get(decisionId);
		if (day != null) {
			return decisionInFile(DailyFileAppender.file(this.directory, day), decisionId);
		}
		if (this.peers.any()) {
			return this.peers.decisionFile(decisionId).flatMap((file) -> decisionInFile(file, decisionId));
		}
		return Optional.empty();
	}

	private Optional<DecisionRecord> decisionInFile(Path file, String decisionId) {
		try (BufferedReader reader = DecisionLogFiles.open(file)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.contains(decisionId)) {
					Optional<DecisionRecord> decision = decisionIn(line, decisionId);
					if (decision.isPresent()) {
						return decision;
					}
				}
			}
			return Optional.empty();
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// a line cut off by a crash, or edited, is not the decision
	private Optional<DecisionRecord> decisionIn(String line, String decisionId) {
		try {
			JsonNode node = this.mapper.readTree(line);
			if (!ReviewRecord.KIND.equals(node.path("kind").stringValue(null))
					&& decisionId.equals(node.path("decisionId").stringValue(null))) {
				return Optional.of(this.mapper.treeToValue(node, DecisionRecord.class));
			}
		}
		catch (JacksonException ex) {
			log.warn("Decision log: an unreadable line mentions decision {}", decisionId);
		}
		return Optional.empty();
	}

	/** The review of this decision, if it has one, from any instance. */
	public Optional<ReviewRecord> review(String decisionId) {
		if (decisionId == null) {
			return Optional.empty();
		}
		ReviewRecord own = this.reviews.get(decisionId);
		if (own != null || !this.peers.any()) {
			return Optional.ofNullable(own);
		}
		return this.peers.review(decisionId);
	}

	/** Every review within the retention period, from every instance. */
	public Collection<ReviewRecord> reviews() {
		if (!this.peers.any()) {
			return List.copyOf(this.reviews.values());
		}
		Map<String, ReviewRecord> all = new java.util.HashMap<>();
		this.peers.reviews().forEach((review) -> all.put(review.decisionId(), review));
		all.putAll(this.reviews);
		return List.copyOf(all.values());
	}

	private LocalDate write(Object record) {
		byte[] json = this.mapper.writeValueAsBytes(record);
		byte[] line = Arrays.copyOf(json, json.length + 1);
		line[json.length] = '\n';
		return append(line);
	}

	private LocalDate append(byte[] line) {
		LocalDate today = LocalDate.now(this.clock);
		if (!today.equals(this.purgedOn)) {
			purge(today);
		}
		try {
			return day(DailyFileAppender.day(this.appender.append(line)));
		}
		catch (IOException ex) {
			throw new DecisionLogUnavailable(ex);
		}
	}

	private LocalDate day(LocalDate day) {
		return this.days.computeIfAbsent(day, (same) -> same);
	}

	/**
	 * Deletes the days before {@code today} minus the retention period, with their
	 * decisions and reviews: storage limitation, done when the log turns to a new day and
	 * at start.
	 */
	synchronized void purge(LocalDate today) {
		if (today.equals(this.purgedOn)) {
			return;
		}
		LocalDate oldestKept = today.minus(this.retention);
		try {
			int deleted = 0;
			for (Path file : DecisionLogFiles.logFilesIn(this.directory)) {
				if (DailyFileAppender.day(file).isBefore(oldestKept)) {
					Files.delete(file);
					deleted++;
				}
			}
			this.decisions.values().removeIf((day) -> day.isBefore(oldestKept));
			this.days.keySet().removeIf((day) -> day.isBefore(oldestKept));
			this.reviews.values()
				.removeIf((review) -> LocalDate.ofInstant(review.time(), this.clock.getZone()).isBefore(oldestKept));
			if (deleted > 0) {
				log.info("Decision log: deleted {} day file(s) from before {} (retention {})", deleted, oldestKept,
						this.retention);
			}
			this.purgedOn = today;
		}
		catch (IOException ex) {
			// a file that cannot be deleted now is tried again tomorrow; decisions go on
			log.error("Decision log: could not delete expired files", ex);
		}
	}

	/**
	 * The profile fields the decision's reasons read: the rules that decided and the
	 * why-not rules the response shows, plus age and benefit, which the order of
	 * reasoning tests for every citizen (a cross-sector placement rests on the benefit
	 * not being a disability pension though no rule shown reads it) and without which no
	 * logged decision could be replayed. Nothing else of the profile.
	 */
	static Map<String, Object> factsUsed(Profile profile, Decision decision) {
		Map<String, Object> facts = new TreeMap<>();
		for (String always : ALWAYS_USED) {
			facts.put(always, ProfileFields.value(profile, always));
		}
		for (FiredRule fired : decision.explanation()) {
			fired.facts().forEach((name, value) -> {
				if (ProfileFields.NAMES.contains(name)) {
					facts.put(name, value);
				}
			});
		}
		for (TierReason reason : decision.whyNot()) {
			for (FactUse use : reason.rule().uses()) {
				if (use.profileField() && ProfileFields.NAMES.contains(use.name())) {
					facts.computeIfAbsent(use.name(), (name) -> ProfileFields.value(profile, name));
				}
			}
		}
		return facts;
	}

	@Override
	public void destroy() throws IOException {
		this.appender.close();
	}

	/** The decision log could not be written. */
	static final class DecisionLogUnavailable extends UncheckedIOException {

		DecisionLogUnavailable(IOException cause) {
			super("the decision log could not be written", cause);
		}

	}

}
