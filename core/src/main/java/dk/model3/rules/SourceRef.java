package dk.model3.rules;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a rule comes from: the source document's file name and the section heading in it,
 * with the document's title, issuer and date from {@code rules/sources.yaml}, so a person
 * reads which memo it is without knowing file names; and, where a source document names
 * the statute the rule rests on, that statute as the document names it (the rule's
 * {@code @statute}), else null.
 */
public record SourceRef(String document, String section, String title, String issuer, String date,
		@JsonInclude(JsonInclude.Include.NON_NULL) String statute) {

	public SourceRef(String document, String section) {
		this(document, section, null, null, null, null);
	}

	public SourceRef(String document, String section, String title, String issuer, String date) {
		this(document, section, title, issuer, date, null);
	}

	/** The reference to a section of a document, described as the catalogue lists it. */
	public static SourceRef of(String document, String section, String statute, Map<String, SourceDocument> catalogue) {
		SourceDocument described = catalogue.get(document);
		return (described != null)
				? new SourceRef(document, section, described.title(), described.issuer(), described.date(), statute)
				: new SourceRef(document, section, null, null, null, statute);
	}

}
