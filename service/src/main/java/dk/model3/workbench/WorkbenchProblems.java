package dk.model3.workbench;

import java.util.List;
import java.util.Map;

import dk.model3.problems.Problems;
import dk.model3.versions.RepositoryDamaged;
import dk.model3.versions.SharedRepositoryUnavailable;
import dk.model3.versions.WrittenElsewhere;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The workbench's refusals as RFC 9457 problems. */
@RestControllerAdvice(assignableTypes = { DraftsController.class, GuidedRulesController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchProblems {

	private static final Logger log = LoggerFactory.getLogger(WorkbenchProblems.class);

	@ExceptionHandler(DraftNotFound.class)
	ProblemDetail notFound(DraftNotFound ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "unknown-draft", "Unknown draft or version", ex.getMessage());
	}

	@ExceptionHandler(DraftRefused.class)
	ProblemDetail refused(DraftRefused ex) {
		return Problems.of(HttpStatus.CONFLICT, ex.reason(), "Not allowed in the draft's state", ex.getMessage());
	}

	@ExceptionHandler(WrittenElsewhere.class)
	ProblemDetail writtenElsewhere(WrittenElsewhere ex) {
		return Problems.of(HttpStatus.CONFLICT, "written-elsewhere", "Changed on another instance first",
				ex.getMessage());
	}

	@ExceptionHandler(SharedRepositoryUnavailable.class)
	ProblemDetail unavailable(SharedRepositoryUnavailable ex) {
		// the details (the remote's address among them) go to the log only
		log.warn("Workbench write refused: {}", ex.getMessage());
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "shared-repository-unavailable",
				"The shared repository of versions cannot be reached",
				"The shared repository of versions cannot be reached now; nothing was changed. Try again later.");
	}

	@ExceptionHandler(RepositoryDamaged.class)
	ProblemDetail damaged(RepositoryDamaged ex) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "repository-damaged",
				"The repository of versions is damaged",
				"The workbench is down: the repository of versions " + ex.repository().getFileName()
						+ ((ex.object() != null) ? " cannot read the object " + ex.object() : " cannot read an object")
						+ ". Triage goes on with the versions last put in service. Repair or restore the repository "
						+ "and restart the service.");
		problem.setProperty("repository", String.valueOf(ex.repository().getFileName()));
		problem.setProperty("object", ex.object());
		return problem;
	}

	@ExceptionHandler(ApproverTookPart.class)
	ProblemDetail author(ApproverTookPart ex) {
		return Problems.of(HttpStatus.FORBIDDEN, "four-eyes", "A second person must approve", ex.getMessage());
	}

	@ExceptionHandler(ChangedSinceSeen.class)
	ProblemDetail changed(ChangedSinceSeen ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "changed-since-seen",
				"The draft changed since its approver saw it", ex.getMessage());
		problem.setProperty("errors",
				ex.fields()
					.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map((field) -> Map.of("field", field.getKey(), "message", field.getValue()))
					.toList());
		return problem;
	}

	@ExceptionHandler(NoteMissing.class)
	ProblemDetail noteMissing(NoteMissing ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "note-missing",
				"A change note is required before a publication request", ex.getMessage());
		problem.setProperty("errors",
				NoteMissing.FIELDS.stream()
					.map((field) -> Map.of("field", field, "message",
							field.substring(field.lastIndexOf('/') + 1) + ": what the draft changes"))
					.toList());
		return problem;
	}

	@ExceptionHandler(InForceDatePassed.class)
	ProblemDetail backwards(InForceDatePassed ex) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "in-force-date-passed",
				"A version never comes into force before the day of its publication", ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", "/inForceFrom", "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(GuidedRules.Refused.class)
	ProblemDetail ruleEdit(GuidedRules.Refused ex) {
		boolean changed = ex.refusals().stream().anyMatch((refusal) -> refusal.field().equals("seen"));
		ProblemDetail problem = changed
				? Problems.of(HttpStatus.CONFLICT, "rule-file-changed", "The rule file changed since it was shown",
						ex.getMessage())
				: Problems.of(HttpStatus.BAD_REQUEST, "invalid-rule-edit", "Invalid rule edit", ex.getMessage());
		problem.setProperty("errors",
				ex.refusals()
					.stream()
					.map((refusal) -> Map.of("field", "/" + refusal.field(), "message", refusal.message()))
					.toList());
		return problem;
	}

	@ExceptionHandler(InvalidDraftRequest.class)
	ProblemDetail invalid(InvalidDraftRequest ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-draft-request", "Invalid request",
				ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

}
