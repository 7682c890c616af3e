package dk.model3.rules;

import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads and checks a version folder's {@code version.yaml}. */
final class DescriptorReader {

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private DescriptorReader() {
	}

	/** The descriptor, or null with the reasons added to {@code problems}. */
	static VersionDescriptor read(RuleVersionFiles files, Set<String> knownSources, List<RuleProblem> problems) {
		String where = files.folder() + "/" + RuleVersionFiles.DESCRIPTOR;
		VersionDescriptor descriptor;
		try {
			descriptor = YAML.readValue(files.files().get(RuleVersionFiles.DESCRIPTOR), VersionDescriptor.class);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			problems.add(new RuleProblem(where, (location != null) ? location.getLineNr() : 0,
					(location != null) ? location.getColumnNr() : 0,
					"cannot read the descriptor: " + ex.getOriginalMessage()));
			return null;
		}
		if (descriptor == null || descriptor.id() == null || descriptor.id().isBlank()) {
			problems.add(new RuleProblem(where, 0, 0, "id is missing"));
			return null;
		}
		if (!descriptor.id().equals(files.folder())) {
			problems.add(new RuleProblem(where, 0, 0,
					"id \"" + descriptor.id() + "\" must be the folder's name \"" + files.folder() + "\""));
		}
		if (descriptor.inForceFrom() == null) {
			problems.add(new RuleProblem(where, 0, 0, "inForceFrom is missing; give the date as YYYY-MM-DD"));
		}
		for (String source : descriptor.sources()) {
			if (!knownSources.contains(source)) {
				problems.add(new RuleProblem(where, 0, 0,
						"source \"" + source + "\" is not a document listed in rules/sources.yaml"));
			}
		}
		return descriptor;
	}

}
