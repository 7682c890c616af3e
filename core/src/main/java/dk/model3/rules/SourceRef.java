package dk.model3.rules;

import java.util.Map;

/**
 * Where a rule comes from: the source document's file name and the section heading in it,
 * with the document's title, issuer and date from {@code rules/sources.yaml}, so a person
 * reads which memo it is without knowing file names.
 */
public record SourceRef(String document, String section, String title, String issuer, String date) {

	public SourceRef(String document, String section) {
		this(document, section, null, null, null);
	}

	/** The reference to a section of a document, described as the catalogue lists it. */
	public static SourceRef of(String document, String section, Map<String, SourceDocument> catalogue) {
		SourceDocument described = catalogue.get(document);
		return (described != null)
				? new SourceRef(document, section, described.title(), described.issuer(), described.date())
				: new SourceRef(document, section);
	}

}
