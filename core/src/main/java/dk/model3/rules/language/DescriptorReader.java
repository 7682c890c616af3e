package dk.model3.rules.language;

import java.util.List;
import java.util.Set;

import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.VersionDescriptor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and checks a version folder's {@code version.yaml}. */
public final class DescriptorReader {

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private DescriptorReader() {
	}

	/** The descriptor, or null with the reasons added to {@code problems}. */
	public static VersionDescriptor read(RuleVersionFiles files, Set<String> knownSources, List<RuleProblem> problems) {
		String where = files.folder() + "/" + RuleVersionFiles.DESCRIPTOR;
		VersionDescriptor descriptor;
		try {
			descriptor = YAML.readValue(files.files().get(RuleVersionFiles.DESCRIPTOR), VersionDescriptor.class);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			problems.add(new RuleProblem(where, (location != null) ? location.getLineNr() : 0,
					(location != null) ? location.getColumnNr() : 0,
					"version.yaml kan ikke læses: " + ex.getOriginalMessage()));
			return null;
		}
		String yaml = files.files().get(RuleVersionFiles.DESCRIPTOR);
		if (descriptor == null || descriptor.id() == null || descriptor.id().isBlank()) {
			problems.add(new RuleProblem(where, lineOf(yaml, "id"), 1, "id mangler; skriv mappens navn"));
			return null;
		}
		String idRefusal = PolicyText.versionIdRefusal(descriptor.id());
		if (idRefusal != null) {
			problems.add(new RuleProblem(where, lineOf(yaml, "id"), 1, idRefusal));
			return null;
		}
		String titleRefusal = (descriptor.title() != null) ? PolicyText.refusal("Titlen", descriptor.title()) : null;
		if (titleRefusal != null) {
			problems.add(new RuleProblem(where, lineOf(yaml, "title"), 1, titleRefusal));
		}
		String danishTitleRefusal = (descriptor.da().title() != null)
				? PolicyText.refusal("Titlen", descriptor.da().title()) : null;
		if (danishTitleRefusal != null) {
			problems.add(new RuleProblem(where, lineOf(yaml, "da"), 1, danishTitleRefusal));
		}
		if (!descriptor.id().equals(files.folder())) {
			problems.add(new RuleProblem(where, lineOf(yaml, "id"), 1,
					"id \"" + descriptor.id() + "\" skal være mappens navn \"" + files.folder() + "\""));
		}
		if (descriptor.inForceFrom() == null) {
			problems.add(new RuleProblem(where, lineOf(yaml, "inForceFrom"), 1,
					"inForceFrom mangler; skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-07-01"));
		}
		for (String source : descriptor.sources()) {
			if (!knownSources.contains(source)) {
				problems.add(new RuleProblem(where, lineOf(yaml, "- " + source), 1,
						"kilden \"" + source + "\" står ikke i rules/sources.yaml"));
			}
		}
		return descriptor;
	}

	// the line a key (or list item) stands on, so an editor is taken there; line 1 when
	// the
	// key is missing altogether
	public static int lineOf(String yaml, String start) {
		String[] lines = yaml.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.startsWith(start + ":") || line.equals(start) || line.startsWith(start + " ")) {
				return i + 1;
			}
		}
		return 1;
	}

}
