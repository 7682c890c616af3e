package dk.model3.workbench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a draft changes, in a person's words, in Danish and English: required before its
 * publication is requested. It is the version's change notes in its {@code version.yaml}
 * ({@code changes}, and {@code changes} under {@code da:}), so the catalogue's
 * "Ændringer" and the history page show it. A draft starts with the notes of the version
 * it was made from; those are not its note.
 */
record ChangeNote(String da, String en) {

	static final int MAX_LENGTH = 2000;

	/**
	 * The draft's note, or null while its descriptor has none of its own: no Danish or no
	 * English notes, or the same as the version it was made from.
	 * @param draft the draft's {@code version.yaml}
	 * @param from that of the version it was made from (null when unknown)
	 */
	static ChangeNote of(String draft, String from) {
		List<String> da = VersionYaml.changesDa(draft);
		List<String> en = VersionYaml.changes(draft);
		if (da.isEmpty() || en.isEmpty()) {
			return null;
		}
		if (from != null && da.equals(VersionYaml.changesDa(from)) && en.equals(VersionYaml.changes(from))) {
			return null;
		}
		return new ChangeNote(String.join("\n", da), String.join("\n", en));
	}

	/**
	 * A note as sent, or a 400 naming the first field that is missing or wrong: each
	 * language a text of 1 to {@value #MAX_LENGTH} characters without control characters
	 * (a line break allowed).
	 */
	static ChangeNote sent(String da, String en) {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("da", da);
		texts.put("en", en);
		texts.forEach((field, text) -> {
			String language = field.equals("da") ? "Danish" : "English";
			if (text == null || text.isBlank()) {
				throw new InvalidDraftRequest("/" + field,
						field + ": what the draft changes, in " + language + " (1-" + MAX_LENGTH + " characters)");
			}
			if (text.length() > MAX_LENGTH || text.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n')) {
				throw new InvalidDraftRequest("/" + field, field + ": at most " + MAX_LENGTH
						+ " characters, no control characters; what the draft changes, in " + language);
			}
		});
		return new ChangeNote(da.strip(), en.strip());
	}

}
