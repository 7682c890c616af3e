package dk.model3.workbench;

import java.util.Map;

import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.RepositoryDamaged;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the workbench's pages show when a draft or rule is unknown (404) or the repository
 * of versions is damaged (503), in Danish; the JSON calls answer problems
 * ({@link WorkbenchProblems}).
 */
@ControllerAdvice(assignableTypes = { WorkbenchPagesController.class, GuidedRulePagesController.class,
		ScenarioTableController.class })
@ConditionalOnVersionStore
class WorkbenchPageProblems {

	/** An id that is no draft's or version's, or a rule no readable file has. */
	@ExceptionHandler(DraftNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView unknown(DraftNotFound ex) {
		return new ModelAndView("workbench/unknown", Map.of("id", (ex.id() != null) ? ex.id() : ""));
	}

	/** The repository of versions is damaged: which repository and which object. */
	@ExceptionHandler(RepositoryDamaged.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	ModelAndView damaged(RepositoryDamaged ex) {
		return new ModelAndView("workbench/damaged", Map.of("repository", String.valueOf(ex.repository().getFileName()),
				"object", (ex.object() != null) ? ex.object() : "?"));
	}

}
