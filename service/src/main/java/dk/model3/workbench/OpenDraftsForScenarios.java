package dk.model3.workbench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dk.model3.intake.OpenDrafts;
import dk.model3.versions.ConditionalOnVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The drafts a triaged citizen may be added to as a scenario ("Tilføj som scenarie" on
 * the intake page's result): every draft still open for editing ({@code DRAFT}), by id,
 * with its title in the page's language. The result page never fails for them: a
 * repository that cannot be read offers none.
 */
@Component
@ConditionalOnVersionStore
class OpenDraftsForScenarios implements OpenDrafts {

	private static final Logger log = LoggerFactory.getLogger(OpenDraftsForScenarios.class);

	private final Drafts drafts;

	OpenDraftsForScenarios(Drafts drafts) {
		this.drafts = drafts;
	}

	@Override
	public List<OpenDraft> open(Locale locale) {
		try {
			return this.drafts.all()
				.stream()
				.filter((draft) -> DraftStatus.DRAFT.name().equals(draft.state()))
				.sorted(Comparator.comparing(Drafts.DraftView::id))
				.map((draft) -> new OpenDraft(draft.id(), title(draft, locale)))
				.toList();
		}
		catch (RuntimeException ex) {
			// the result page is a caseworker's: it shows without the choice
			log.warn("The open drafts could not be listed for the result page: {}", ex.toString());
			return List.of();
		}
	}

	private static String title(Drafts.DraftView draft, Locale locale) {
		String danish = draft.titleDa();
		String english = draft.title();
		String title = "en".equals(locale.getLanguage()) ? english : (danish != null) ? danish : english;
		return (title != null) ? title : "";
	}

}
