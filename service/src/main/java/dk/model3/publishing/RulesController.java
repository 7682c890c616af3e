package dk.model3.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

import dk.model3.instance.InstanceId;
import dk.model3.problems.Problems;
import dk.model3.rules.RuleProblem;
import jakarta.servlet.http.HttpServletRequest;
import dk.model3.rules.versions.RuleVersions;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/v1/rules lists every rule version the service knows, and POST
 * /api/v1/admin/rules/reload loads new and changed version folders now. Where the rules
 * live and why a version was refused (which quotes rule files) are for policy staff: a
 * caseworker gets the versions that serve and their dates.
 */
@RestController
class RulesController {

	// the role as the security configuration grants it (Spring adds the ROLE_ prefix)
	private static final String POLICY = "POLICY";

	private final RuleVersions versions;

	private final RuleReloader reloader;

	private final Clock clock;

	private final InstanceId instance;

	RulesController(RuleVersions versions, RuleReloader reloader, Clock clock, InstanceId instance) {
		this.versions = versions;
		this.reloader = reloader;
		this.clock = clock;
		this.instance = instance;
	}

	/**
	 * What a caseworker sees: the instance that answers, the versions that serve, and
	 * which one is in force today.
	 */
	record ServingVersions(String instance, String inForceToday, List<ServingVersion> versions) {
	}

	record ServingVersion(String version, LocalDate inForceFrom, String checksum, String catalogue) {
	}

	/**
	 * The instance that answers, the rules' source and every version folder, oldest
	 * first.
	 */
	record RulesList(String instance, String source, boolean reloadable, String inForceToday,
			List<VersionView> versions) {
	}

	/**
	 * One version. {@code state} ACTIVE, CHECKING, REFUSED or RETIRED; {@code checking}
	 * the checksum whose completeness check is under way; {@code refusal} is the last
	 * refused edit, beside an active version it keeps serving, or the reason a refused
	 * one does not serve.
	 */
	record VersionView(String version, LocalDate inForceFrom, String checksum, String state, String loadedAt,
			String catalogue, String checking, RefusalView refusal) {
	}

	record RefusalView(String checksum, String at, List<ProblemView> problems) {
	}

	/** A problem with its place as {@code file:line:column}. */
	record ProblemView(String location, String file, int line, int column, String message) {

		static ProblemView of(RuleProblem problem) {
			return new ProblemView(
					problem.file() + ":" + Math.max(problem.line(), 1) + ":" + Math.max(problem.column(), 1),
					problem.file(), problem.line(), problem.column(), problem.message());
		}

	}

	@GetMapping(path = "/api/v1/rules", produces = MediaType.APPLICATION_JSON_VALUE)
	Object list(HttpServletRequest request) {
		if (request.isUserInRole(POLICY)) {
			return list();
		}
		List<ServingVersion> serving = this.versions.entries()
			.stream()
			.filter((entry) -> entry.state() == RuleVersions.State.ACTIVE)
			.sorted(Comparator.comparing(RuleVersions.Entry::version))
			.map((entry) -> new ServingVersion(entry.version(), entry.inForceFrom(), entry.checksum(),
					"/rules/" + entry.version()))
			.toList();
		return new ServingVersions(this.instance.value(), inForceToday(), serving);
	}

	private String inForceToday() {
		try {
			return this.versions.inForceOn(LocalDate.now(this.clock)).version();
		}
		catch (RuntimeException ex) {
			// no version in force today: say so with null
			return null;
		}
	}

	private RulesList list() {
		String today = inForceToday();
		List<VersionView> views = this.versions.entries()
			.stream()
			.sorted(Comparator.comparing(RuleVersions.Entry::version))
			.map(this::view)
			.toList();
		return new RulesList(this.instance.value(), this.reloader.source(), this.reloader.reloadable(), today, views);
	}

	@PostMapping(path = "/api/v1/admin/rules/reload", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> reload() {
		if (!this.reloader.reloadable()) {
			ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "rules-not-reloadable", "Rules cannot be reloaded",
					"The service runs the rules packaged in its jar, which cannot change. "
							+ "Set triage.rules.dir to a rules folder to reload rules.");
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		ReloadResult result = this.reloader.reload();
		return ResponseEntity.ok(new ReloadView(result.versions(), list()));
	}

	record ReloadView(List<ReloadResult.VersionReload> reloaded, RulesList rules) {
	}

	private VersionView view(RuleVersions.Entry entry) {
		boolean active = entry.state() == RuleVersions.State.ACTIVE;
		RefusalView refusal = this.reloader.refusal(entry.version())
			.map((refused) -> new RefusalView(refused.checksum(), refused.at().toString(),
					refused.problems().stream().map(ProblemView::of).toList()))
			.orElse(entry.problems().isEmpty() ? null
					: new RefusalView(entry.checksum(), null, entry.problems().stream().map(ProblemView::of).toList()));
		return new VersionView(entry.version(), entry.inForceFrom(), entry.checksum(), entry.state().name(),
				instant(entry.loadedAt()), active ? "/rules/" + entry.version() : null,
				this.reloader.checking(entry.version()).orElse(null), refusal);
	}

	private static String instant(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
