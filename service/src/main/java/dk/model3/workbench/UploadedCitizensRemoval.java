package dk.model3.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.versions.ConditionalOnVersionStore;
import dk.model3.versions.RepositoryDamaged;
import dk.model3.versions.SharedRepositoryUnavailable;
import dk.model3.versions.VersionStore;
import dk.model3.versions.WrittenElsewhere;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once, at every start: takes out of the kept check results
 * ({@code .workbench/<id>.checks.json} on each draft's branch) every citizen a service
 * before this one kept there from a population sent with a run: the case references and
 * profiles of its preview's examples, and the file name it came with. The counts stay.
 * One commit per draft by {@value VersionStore#SERVICE}, saying so; a draft with nothing
 * to take out is not touched. The commits before it still hold what it removes: purging
 * those is an operator's step (docs/workbench.md, "Citizen data kept by an older
 * service").
 */
@Component
@ConditionalOnVersionStore
class UploadedCitizensRemoval {

	static final String MESSAGE = "Remove the citizens of a population sent for an impact preview from the kept"
			+ " check results: only the counts are kept (an uploaded population is never stored)";

	private static final Logger log = LoggerFactory.getLogger(UploadedCitizensRemoval.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final VersionStore store;

	private final WorkbenchProperties properties;

	UploadedCitizensRemoval(VersionStore store, WorkbenchProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		try {
			List<String> cleaned = run(this.store, ReferencePopulation.load(this.properties.population()));
			if (!cleaned.isEmpty()) {
				log.info("Removed the citizens of uploaded populations from the kept check results of drafts {}",
						cleaned);
			}
		}
		catch (WrittenElsewhere | SharedRepositoryUnavailable | RepositoryDamaged ex) {
			log.warn("The kept check results are cleaned at the next start: {}", ex.getMessage());
		}
	}

	/** Cleans every draft's kept results: the drafts it changed. */
	static List<String> run(VersionStore store, ReferencePopulation reference) {
		Set<String> referenceCitizens = new HashSet<>(reference.references().values());
		List<String> changed = new ArrayList<>();
		for (String id : store.drafts()) {
			String path = ".workbench/" + id + ".checks.json";
			String text = store.draftFiles(id, path).get(path);
			if (text == null) {
				continue;
			}
			JsonNode results = JSON.readTree(text);
			if (results instanceof ObjectNode object && clean(object, reference.name(), referenceCitizens)) {
				store.commitToDraft(id,
						Map.of(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(object) + "\n"), Set.of(),
						VersionStore.SERVICE, MESSAGE);
				changed.add(id);
			}
		}
		return changed;
	}

	// a preview over another population than the reference keeps no example; one over
	// the reference keeps only examples of its citizens
	private static boolean clean(ObjectNode results, String referenceName, Set<String> referenceCitizens) {
		if (!(results.get("preview") instanceof ObjectNode preview)) {
			return false;
		}
		boolean uploaded = !referenceName.equals(preview.path("population").asString(""));
		boolean changed = false;
		if (uploaded && !DraftChecks.UPLOADED.equals(preview.path("population").asString(""))) {
			preview.put("population", DraftChecks.UPLOADED);
			changed = true;
		}
		for (String list : List.of("transitions", "flagsGained", "flagsLost")) {
			for (JsonNode each : preview.path(list)) {
				if (each instanceof ObjectNode entry && entry.get("examples") instanceof ArrayNode examples) {
					for (int i = examples.size() - 1; i >= 0; i--) {
						if (uploaded || !referenceCitizens.contains(examples.get(i).path("citizenRef").asString(""))) {
							examples.remove(i);
							changed = true;
						}
					}
				}
			}
		}
		return changed;
	}

}
