package dk.model3.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A source document rules may cite, as listed in {@code rules/sources.yaml}. */
public record SourceDocument(String file, String title, String issuer, String date) {

	public static List<SourceDocument> parse(String yaml) {
		if (yaml == null || yaml.isBlank()) {
			return List.of();
		}
		List<SourceDocument> documents = YAMLMapper.builder().build().readValue(yaml, new TypeReference<>() {
		});
		return (documents != null) ? documents : List.of();
	}

	/** The documents by file name. */
	public static Map<String, SourceDocument> byFile(List<SourceDocument> documents) {
		Map<String, SourceDocument> byFile = new LinkedHashMap<>();
		documents.forEach((document) -> byFile.put(document.file(), document));
		return byFile;
	}

}
