package dk.model3.rules;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A source document rules may cite, as listed in {@code rules/sources.yaml}. */
public record SourceDocument(String file, String title, String issuer, String date) {

	static List<SourceDocument> parse(String yaml) {
		if (yaml == null || yaml.isBlank()) {
			return List.of();
		}
		List<SourceDocument> documents = YAMLMapper.builder().build().readValue(yaml, new TypeReference<>() {
		});
		return (documents != null) ? documents : List.of();
	}

}
